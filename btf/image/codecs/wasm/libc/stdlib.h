/* The part of <stdlib.h> libbzip2 uses (its default allocator); glue.c defines them. */
#ifndef KTSTR_STDLIB_H
#define KTSTR_STDLIB_H
#include <stddef.h>
void *malloc(size_t size);
void free(void *ptr);
#endif
