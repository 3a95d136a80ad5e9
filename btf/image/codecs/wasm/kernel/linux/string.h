/* See kernel.h. */
#include "kernel.h"
