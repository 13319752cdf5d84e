// Ingest: format detection, encoding repair, text cleanup, XML readers, passage
// segmentation and metadata. Built in issue 3; until then this module is empty on purpose.
