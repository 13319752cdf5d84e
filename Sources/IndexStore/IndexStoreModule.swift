// IndexStore: the on-disk segment format, writer, reader, commits and merges.
// Built in issue 4; until then this module is empty on purpose.
