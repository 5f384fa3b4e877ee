/* The classic fork bomb; argv[1] is a marker the test looks for in /proc. */
#include <unistd.h>

int main(void) {
    for (;;) fork();
}
