// Counts the heap allocations of the process it is linked into (SearchBenchmark): the
// executable's own malloc family wins over libc's when symbols are resolved, so every
// allocation — Swift runtime, Foundation, the engine — passes through here and on to
// glibc's allocator (__libc_malloc and friends). Linux/glibc only.
#pragma once
#include <stdint.h>

/// Blocks allocated (malloc, calloc, realloc of a new block, aligned allocations) since
/// the process started.
uint64_t kz_allocation_count(void);
