// zlib for the compressed stored-field blocks of IndexStore (Debian: zlib1g-dev).
#include <zlib.h>
