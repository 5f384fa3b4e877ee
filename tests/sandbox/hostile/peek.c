/* For each path in argv, prints "read <path>" if it could open it for reading (file or
   directory), else "hidden <path>". */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        printf("%s %s\n", fd >= 0 ? "read" : "hidden", argv[i]);
        if (fd >= 0) close(fd);
    }
    return 0;
}
