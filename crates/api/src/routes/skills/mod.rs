//! The skills vocabulary: `/api/v1/skills`.

pub mod list;
pub mod merge;
pub mod show;

pub use coophub_app::directory::skills::SkillView;
