//! Scoring Veille against gold data nobody on the team wrote.
//!
//! Contract: each module reads one kind of gold, runs the matching pipeline
//! stage, and returns a report (numbers plus the failures worth reading).
//! Gold files stay in `../shared`; nothing here copies them into the repo.

pub mod acled;
pub mod geoparsing;
pub mod newsfr;
