// zstd for the compressed stored records of IndexStore (Debian: libzstd-dev).
#include <zstd.h>
