//! String and f-string literal scanning and escape processing.
