# Sourced by the test scripts that need a package bead itself does not:
# skip_missing WHAT says what is missing and skips the test (exit 77), except
# under CI=true, where it fails it (exit 1), so that a CI image lacking a
# test package cannot pass by skipping. Skips for other reasons (no eval
# data, a sanitizer build) stay plain `exit 77`.
skip_missing() {
    if [ "${CI:-}" = true ]; then
        echo "FAIL: $* (CI=true: install the test packages)"
        exit 1
    fi
    echo "SKIP: $*"
    exit 77
}
