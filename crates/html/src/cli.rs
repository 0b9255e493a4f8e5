//! The `newsledger text` command, kept here so the binary only parses arguments.
pub fn placeholder() {}
