//! The pretty-printer: prints an AST back as Python source.
