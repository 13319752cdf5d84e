// The zstd dictionary stored records are compressed with from format 9 on: trained on the
// records of Dutch parliamentary and legal documents (bench/stored-dictionary/train.py;
// sources in docs/INDEX_FORMAT.md, "Compressed blocks"). A C target because C23's #embed
// includes the binary file as it is, where a Swift array literal of 256 KiB would take the
// compiler minutes.
#ifndef KAMERZOEK_STORED_RECORD_DICTIONARY_H
#define KAMERZOEK_STORED_RECORD_DICTIONARY_H

#include <stddef.h>

/// The dictionary's bytes (a zstd dictionary with its header and ID).
const unsigned char *kamerzoek_stored_record_dictionary(void);
/// Its length in bytes.
size_t kamerzoek_stored_record_dictionary_count(void);

#endif
