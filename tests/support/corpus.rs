//! Where the shared corpus is: `../shared/corpus` beside the crate (as CI lays it out), or
//! this machine's copy when the crate is a worktree elsewhere. Tests and benches read it in
//! place (included with `#[path]`); nothing from it is copied into the repo.

use std::path::{Path, PathBuf};

/// The corpus directory (`pastes/`, `ftfy/`, `twitter-text/`, …).
pub fn corpus() -> PathBuf {
    let beside = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    if beside.exists() {
        beside.to_owned()
    } else {
        PathBuf::from("/work/shared/corpus")
    }
}
