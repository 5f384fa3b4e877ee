/* Appends argv[1] and a newline to the file argv[2]: records the order of runs. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) return 2;
    int fd = open(argv[2], O_WRONLY | O_APPEND);
    if (fd < 0) return 3;
    char line[256];
    size_t n = strlen(argv[1]);
    if (n > sizeof line - 1) n = sizeof line - 1;
    memcpy(line, argv[1], n);
    line[n] = '\n';
    return write(fd, line, n + 1) == (ssize_t)(n + 1) ? 0 : 4;
}
