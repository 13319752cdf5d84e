// Snowball's C stemmers (Debian libstemmer-dev).
#include <libstemmer.h>
