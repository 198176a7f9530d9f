//! Running the external tools the tasks are made of, and where they run.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root: the workspace that holds this `xtask` crate.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Cargo's target directory: `CARGO_TARGET_DIR` when set (relative to the repository root
/// if it is relative, as cargo reads it), else `target` in the repository root.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

/// A `cargo` command: the same cargo that runs this xtask, in the repository root.
pub fn cargo(args: &[&str]) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.args(args).current_dir(root());
    command
}

/// Any other program, with `args`, in the repository root.
pub fn program(name: impl AsRef<std::ffi::OsStr>, args: &[&str]) -> Command {
    let mut command = Command::new(name);
    command.args(args).current_dir(root());
    command
}

/// Runs `command` with its output going to ours, printing the command line first.
///
/// Fails with the command line and its exit status, or why it could not start.
pub fn status(command: &mut Command) -> Result<(), String> {
    let line = describe(command);
    println!("$ {line}");
    let status = command
        .status()
        .map_err(|err| format!("could not start `{line}`: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// Runs `command` quietly and returns what it printed on stdout, or `None` when it
/// cannot start or fails: for probing whether and which version of a tool is there.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command.output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The command line as a person would type it (environment settings first).
pub fn describe(command: &Command) -> String {
    let envs = command
        .get_envs()
        .filter_map(|(key, value)| Some(format!("{}={}", key.to_str()?, value?.to_str()?)));
    let program = std::iter::once(short_program(command.get_program()));
    let args = command
        .get_args()
        .map(|arg| arg.to_string_lossy().into_owned());
    envs.chain(program)
        .chain(args)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `cargo` rather than the full path `$CARGO` points at, so messages read as commands.
fn short_program(program: &std::ffi::OsStr) -> String {
    let path = Path::new(program);
    match path.file_name() {
        Some(name) if name == "cargo" => "cargo".to_string(),
        _ => program.to_string_lossy().into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_shows_env_program_and_args() {
        let mut command = Command::new("/usr/bin/node");
        command.args(["page.mjs", "http://x/"]).env("A", "1");
        assert_eq!(describe(&command), "A=1 /usr/bin/node page.mjs http://x/");
    }

    #[test]
    fn describe_shortens_cargo() {
        let command = Command::new("/root/.rustup/toolchains/x/bin/cargo");
        assert_eq!(describe(&command), "cargo");
    }

    #[test]
    fn root_holds_the_workspace_manifest() {
        assert!(root().join("Cargo.toml").is_file());
        assert!(root().join("xtask").is_dir());
    }
}
