"""Qt-free log engine: reading, indexing, parsing, querying and analysing SDK logs."""
