//! (being written by the gazetteer work)
