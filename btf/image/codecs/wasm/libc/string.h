/* The part of <string.h> the decoders use; glue.c defines them (there is no libc here). */
#ifndef KTSTR_STRING_H
#define KTSTR_STRING_H
#include <stddef.h>
void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *dest, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
#endif
