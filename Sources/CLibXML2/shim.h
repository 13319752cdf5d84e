// libxml2 (Debian libxml2-dev).
//
// Debian builds libxml2 with ICU, and its headers then include the system's ICU, whose
// `UErrorCode` clashes with the ICU that Foundation carries ("'UErrorCode' has different
// definitions in different modules"). None of the APIs we use needs ICU, so we switch the
// ICU part of the headers off before including them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlstring.h>
