//! `policyc watch`: `build`, then build again whenever a policy file or a
//! template under the given paths changes (the `notify` crate: the system's file
//! events, no polling).

use super::{build, exit, ui};
use notify::{EventKind, RecursiveMode, Watcher};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

#[derive(clap::Args, Debug)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: build::Args,
    /// Stop after this many builds (for scripts and tests).
    #[arg(long, value_name = "N")]
    pub max_builds: Option<u32>,
}

/// The extensions whose changes trigger a build.
const WATCHED: &[&str] = &[
    "policy", "yaml", "yml", "html", "jinja", "j2", "css", "toml",
];

pub fn run(args: &WatchArgs) -> u8 {
    let (tx, rx) = mpsc::channel();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("policyc: cannot watch files: {e}");
            return exit::USAGE;
        }
    };
    let mut roots: Vec<PathBuf> = args.build.paths.clone();
    roots.extend(args.build.templates.clone());
    for root in &roots {
        // A file is watched through its folder: editors often replace files on save.
        let (dir, mode) = if root.is_dir() {
            (root.clone(), RecursiveMode::Recursive)
        } else {
            let parent = root.parent().filter(|p| !p.as_os_str().is_empty());
            (
                parent.map_or_else(|| PathBuf::from("."), Path::to_path_buf),
                RecursiveMode::NonRecursive,
            )
        };
        if let Err(e) = watcher.watch(&dir, mode) {
            eprintln!("policyc: cannot watch {}: {e}", dir.display());
            return exit::USAGE;
        }
    }
    let out = args
        .build
        .out
        .clone()
        .or_else(|| {
            let config = ui::config();
            config.build.out.as_ref().map(|p| config.resolve(p))
        })
        .map(|p| absolute(&p));
    let mut builds = 0;
    loop {
        let code = build::run(&args.build);
        builds += 1;
        if !ui::quiet() {
            println!("policyc watch: build {builds} done (exit {code}); watching for changes");
            let _ = std::io::stdout().flush();
        }
        if args.max_builds.is_some_and(|max| builds >= max) {
            return code;
        }
        // Wait for a change that matters, then let a burst of saves settle.
        loop {
            match rx.recv() {
                Ok(Ok(event)) if matters(&event, out.as_deref()) => break,
                Ok(_) => {}
                Err(_) => return exit::USAGE,
            }
        }
        while rx.recv_timeout(Duration::from_millis(200)).is_ok() {}
    }
}

/// Whether `event` changes an input: a created, modified or removed file with a
/// watched extension, outside the output folder.
fn matters(event: &notify::Event, out: Option<&Path>) -> bool {
    if !matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
    ) {
        return false;
    }
    event.paths.iter().any(|p| {
        let watched = p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| WATCHED.contains(&e));
        let in_out = out.is_some_and(|o| absolute(p).starts_with(o));
        watched && !in_out
    })
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p)
        .or_else(|_| std::path::absolute(p))
        .unwrap_or_else(|_| p.to_path_buf())
}
