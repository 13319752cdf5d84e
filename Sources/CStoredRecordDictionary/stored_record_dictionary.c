#include "stored_record_dictionary.h"

static const unsigned char dictionary[] = {
#embed "stored-records.zdict"
};

const unsigned char *kamerzoek_stored_record_dictionary(void) { return dictionary; }

size_t kamerzoek_stored_record_dictionary_count(void) { return sizeof dictionary; }
