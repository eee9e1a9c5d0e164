//! Winning work together: opportunities so far.

mod opportunities;
