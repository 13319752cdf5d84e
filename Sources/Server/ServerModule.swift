// Server: the HTTP endpoint (Hummingbird 2). Built in issue 6; until then this module is
// empty on purpose, and it does not yet pull Hummingbird into the build.
