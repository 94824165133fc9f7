package publish

import "os"

// RemoveTree removes dir and everything in it, as os.RemoveAll does. It
// follows no symbolic link: a link is removed, not what it points to.
func RemoveTree(dir string) error {
	return os.RemoveAll(dir)
}
