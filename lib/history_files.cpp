#include "lib/history_files.hpp"

#include "lib/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sciatica {

namespace {

std::string folder_of(const std::string &path) {
    auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? std::string("/") : path.substr(0, slash);
}

std::string mode_text(mode_t mode) {
    char text[8] = {};
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

// Creates `folder` and any missing parent with mode 0700.
void make_folder(const std::string &folder) {
    struct stat info {};
    if (stat(folder.c_str(), &info) == 0) {
        return;
    }
    if (folder.size() > 1) {
        make_folder(folder_of(folder));
    }
    if (mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
        throw Error(ErrorKind::io,
                    "cannot create the folder " + folder + ": " + std::strerror(errno));
    }
}

[[noreturn]] void cannot_make_private(const std::string &what, const std::string &path,
                                      mode_t mode, int error) {
    throw Error(ErrorKind::io, "the " + what + " " + path + " can be read by others (mode " +
                                   mode_text(mode) + ") and cannot be made private (" +
                                   std::strerror(error) + "); nothing was written to it");
}

} // namespace

std::string history_path(const Environment &env) {
    return xdg_file(env, "XDG_DATA_HOME", ".local/share", "sciatica/history.sqlite3");
}

void prepare_private_file(const std::string &path) {
    const std::string folder = folder_of(path);
    make_folder(folder);
    struct stat info {};
    if (stat(folder.c_str(), &info) == 0 && (info.st_mode & 0077) != 0 &&
        chmod(folder.c_str(), 0700) != 0) {
        cannot_make_private("history's folder", folder, info.st_mode, errno);
    }
    int fd = open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno == ELOOP) {
        throw Error(ErrorKind::io, "cannot open the history " + path +
                                       ": it is a symbolic link, and sciatica writes the "
                                       "history only to a regular file");
    }
    if (fd < 0 && (errno == EACCES || errno == EPERM || errno == EROFS)) {
        // Say what it means for the person, as SQLite's read-only error does.
        throw Error(ErrorKind::io, "cannot write to the history " + path +
                                       ": it (or its folder) is read-only (" +
                                       std::strerror(errno) + ")");
    }
    if (fd < 0) {
        throw Error(ErrorKind::io, "cannot open the history " + path + ": " + std::strerror(errno));
    }
    bool regular = fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
    if (regular && (info.st_mode & 0777) != 0600 && fchmod(fd, 0600) != 0) {
        int error = errno;
        close(fd);
        cannot_make_private("history", path, info.st_mode, error);
    }
    close(fd);
    if (!regular) {
        throw Error(ErrorKind::data, "the history " + path + " is not a regular file");
    }
}

} // namespace sciatica
