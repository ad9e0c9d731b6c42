/* Growable byte buffer. */
#include <stdlib.h>
#include <string.h>

struct buf {
    char *data;
    size_t len, cap;
};

static int buf_grow(struct buf *b, size_t need)
{
    if (b->len + need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap * 2 : 64;
    char *p = realloc(b->data, cap);
    if (p == NULL)
        return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

char *buf_append(struct buf *b, const char *s)
{
    size_t n = strlen(s);
    if (buf_grow(b, n + 1) != 0) return NULL;
    memcpy(b->data + b->len, s, n + 1);
    b->len += n;
    return b->data;
}
