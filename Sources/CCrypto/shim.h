// OpenSSL's libcrypto for the content hash of Ingest (Debian: libssl-dev): its SHA-256
// uses the CPU's SHA instructions where there are any.
#include <openssl/evp.h>
