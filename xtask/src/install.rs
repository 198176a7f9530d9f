//! Prerequisites: each is checked first and installed only when missing or of the
//! wrong version, so that a second run costs a few milliseconds per tool.

use std::fs;
use std::path::Path;

use crate::run;

/// The Rust target the page compiles to.
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian's Chromium, the browser every browser test and the benchmark use.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver, which wasm-bindgen-test-runner drives Chromium through.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The oldest Node.js major version `@playwright/test` runs on.
const NODE_MAJOR_MIN: u32 = 20;

/// `rustup target add wasm32-unknown-unknown` unless it is already installed.
pub fn wasm_target() -> Result<(), String> {
    let installed = run::probe(&mut run::program(
        "rustup",
        &["target", "list", "--installed"],
    ))
    .ok_or("`rustup target list --installed` failed: is rustup on PATH?")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(());
    }
    run::status(&mut run::program("rustup", &["target", "add", WASM_TARGET]))
}

/// The `wasm-bindgen` CLI (and `wasm-bindgen-test-runner`, from the same package) of
/// exactly the version of the `wasm-bindgen` crate in Cargo.lock: the generated glue
/// only works with the library it was generated for.
pub fn wasm_bindgen_cli() -> Result<(), String> {
    let lock = fs::read_to_string(run::root().join("Cargo.lock"))
        .map_err(|err| format!("cannot read Cargo.lock: {err}"))?;
    let version = locked_version(&lock, "wasm-bindgen")?;
    if wasm_bindgen_cli_is(&version) {
        return Ok(());
    }
    println!("xtask: installing wasm-bindgen-cli {version} (takes a few minutes, once)");
    // Without --locked: the CLI's own lock file names a version the registry no longer has.
    run::status(&mut run::cargo(&[
        "install",
        "wasm-bindgen-cli",
        "--version",
        &version,
    ]))?;
    if wasm_bindgen_cli_is(&version) {
        Ok(())
    } else {
        Err(format!(
            "wasm-bindgen-cli {version} was installed, but `wasm-bindgen --version` on PATH still \
             reports another version: put cargo's bin directory (usually ~/.cargo/bin) first on PATH"
        ))
    }
}

/// Whether both binaries of wasm-bindgen-cli on PATH report `version`.
fn wasm_bindgen_cli_is(version: &str) -> bool {
    ["wasm-bindgen", "wasm-bindgen-test-runner"]
        .iter()
        .all(|tool| {
            run::probe(&mut run::program(tool, &["--version"]))
                .is_some_and(|out| out.split_whitespace().nth(1) == Some(version))
        })
}

/// The version Cargo.lock records for package `name`; an error when it records none
/// or several (the CLI can match only one).
pub fn locked_version(lock: &str, name: &str) -> Result<String, String> {
    let wanted = format!("name = \"{name}\"");
    let versions: Vec<String> = lock
        .split("[[package]]")
        .filter(|block| block.lines().any(|line| line.trim() == wanted))
        .filter_map(|block| {
            block.lines().find_map(|line| {
                let value = line.trim().strip_prefix("version = \"")?;
                Some(value.trim_end_matches('"').to_string())
            })
        })
        .collect();
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!("Cargo.lock has no `{name}` package")),
        many => Err(format!(
            "Cargo.lock has several `{name}` versions ({}); pin one with `=`",
            many.join(", ")
        )),
    }
}

/// Node.js 20+ and npm on PATH, and `npm ci` when node_modules is missing or older
/// than package-lock.json.
pub fn node_packages() -> Result<(), String> {
    node_and_npm()?;
    let root = run::root();
    let lock = root.join("package-lock.json");
    // npm ci writes node_modules/.package-lock.json, so its age is the install's age.
    let installed = root.join("node_modules").join(".package-lock.json");
    let tools = ["wasm-opt", "terser", "esbuild", "playwright", "tsc"]
        .map(|tool| root.join("node_modules/.bin").join(tool));
    let modules = ["lightningcss"].map(|module| root.join("node_modules").join(module));
    if !is_older(&installed, &lock)
        && tools.iter().all(|tool| tool.is_file())
        && modules.iter().all(|module| module.is_dir())
    {
        return Ok(());
    }
    run::status(&mut run::program("npm", &["ci", "--no-audit", "--no-fund"]))
}

/// Whether `path` is missing or was modified before `than`.
fn is_older(path: &Path, than: &Path) -> bool {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(path), modified(than)) {
        (Some(a), Some(b)) => a < b,
        _ => true,
    }
}

/// Stops with what to install when `node` (20 or newer) or `npm` is not on PATH.
fn node_and_npm() -> Result<(), String> {
    let how = format!(
        "Install Node.js {NODE_MAJOR_MIN} or newer, which comes with npm \
         (https://nodejs.org/en/download), put `node` and `npm` on PATH, then run this again."
    );
    let version = run::probe(&mut run::program("node", &["--version"]))
        .ok_or_else(|| format!("`node` was not found on PATH. {how}"))?;
    let major = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|major| major.parse::<u32>().ok());
    if major.is_none_or(|major| major < NODE_MAJOR_MIN) {
        return Err(format!("Node.js {} is too old. {how}", version.trim()));
    }
    run::probe(&mut run::program("npm", &["--version"]))
        .ok_or_else(|| format!("`npm` was not found on PATH. {how}"))?;
    Ok(())
}

/// Chinese glyphs for the page and its charts in headless Chromium: Debian's Noto CJK fonts.
const CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/// What the browser tests need from Debian, as (package, a file it installs): Chromium, its
/// WebDriver, and fonts with Chinese glyphs (without them the Chinese page and charts show
/// empty boxes, and `--no-install-recommends` leaves them out).
const BROWSER_PACKAGES: [(&str, &str); 3] = [
    ("chromium", CHROMIUM),
    ("chromium-driver", CHROMEDRIVER),
    ("fonts-noto-cjk", CJK_FONT),
];

/// Debian's `chromium`, `chromium-driver` and `fonts-noto-cjk`, installed with apt-get when
/// missing and we are root; otherwise stops with the command to run.
pub fn chromium() -> Result<(), String> {
    let missing = || -> Vec<&str> {
        BROWSER_PACKAGES
            .iter()
            .filter(|(_, file)| !Path::new(file).is_file())
            .map(|(package, _)| *package)
            .collect()
    };
    let packages = missing();
    if packages.is_empty() {
        return Ok(());
    }
    let is_root = run::probe(&mut run::program("id", &["-u"])).is_some_and(|uid| uid.trim() == "0");
    if !is_root {
        return Err(format!(
            "{} missing. Install with:\n    sudo apt-get update && sudo apt-get install -y {}",
            packages.join(", "),
            packages.join(" ")
        ));
    }
    run::status(&mut run::program("apt-get", &["update"]))?;
    let mut install = run::program("apt-get", &["install", "-y", "--no-install-recommends"]);
    install
        .args(&packages)
        .env("DEBIAN_FRONTEND", "noninteractive");
    run::status(&mut install)?;
    match missing().as_slice() {
        [] => Ok(()),
        still => Err(format!(
            "apt-get ran, but {} still missing",
            still.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.131"
"#;

    #[test]
    fn finds_the_exact_package_not_a_prefix_match() {
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen").as_deref(),
            Ok("0.2.130")
        );
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen-macro").as_deref(),
            Ok("0.2.131")
        );
    }

    #[test]
    fn missing_or_duplicated_package_is_an_error() {
        assert!(locked_version(LOCK, "js-sys").is_err());
        let twice = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n");
        assert!(locked_version(&twice, "wasm-bindgen")
            .unwrap_err()
            .contains("0.2.130, 0.2.99"));
    }

    #[test]
    fn this_workspace_pins_one_wasm_bindgen() {
        let lock = fs::read_to_string(run::root().join("Cargo.lock")).unwrap();
        assert!(locked_version(&lock, "wasm-bindgen").is_ok());
    }

    #[test]
    fn a_missing_file_counts_as_older() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        assert!(is_older(Path::new("/nonexistent/file"), &here));
        assert!(!is_older(&here, &here));
    }
}
