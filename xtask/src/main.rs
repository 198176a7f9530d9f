//! `cargo xtask <command>`: the project's build, serve, test, benchmark and packaging tasks.
//!
//! Every command first checks the tools it needs and installs what is missing (see
//! [`install`]), or stops with the exact command a person has to run.

mod bench;
mod build;
mod dist;
mod figures;
mod imports;
mod install;
mod pack;
mod reference;
mod run;
mod serve;
mod test;

use std::process::ExitCode;

/// What `cargo xtask` with no or an unknown command prints.
const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  build              release wasm build into www/pkg (wasm-bindgen --target web, wasm-opt -Oz),
                     and the page and its JS API reference (www/index.html, www/api.html)
  dist               build, then write dist/: relu-explorer.html (one offline file),
                     relu-explorer-scorm12.zip (SCORM 1.2 package) and www/ (static hosting)
  serve [--port N]   build, then serve www/ on http://127.0.0.1:N (default 8000)
  test               everything CI checks: fmt, clippy (native and wasm32), native tests,
                     browser tests, build, end-to-end test of the served page
  bench              build, measure the page in headless Chromium, write
                     target/bench/report.json and check the budgets
  figures            the main charts as SVG for slides, in both languages, into
                     target/figures/<lang>/<chart>.svg
  pack               the JS API as an npm package: target/pack/relu-explorer-<version>.tgz
";

/// The port `serve` listens on unless `--port` says otherwise.
const DEFAULT_PORT: u16 = 8000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("build") => no_more_args(&args).and_then(|()| build::run()),
        Some("dist") => no_more_args(&args).and_then(|()| dist::run()),
        Some("serve") => parse_port(&args[1..]).and_then(serve::run),
        Some("test") => no_more_args(&args).and_then(|()| test::run()),
        Some("bench") => no_more_args(&args).and_then(|()| bench::run()),
        Some("figures") => no_more_args(&args).and_then(|()| figures::run()),
        Some("pack") => no_more_args(&args).and_then(|()| pack::run()),
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Refuses arguments after a command that takes none.
fn no_more_args(args: &[String]) -> Result<(), String> {
    match args.get(1) {
        None => Ok(()),
        Some(extra) => Err(format!(
            "`{}` takes no argument `{extra}`\n\n{USAGE}",
            args[0]
        )),
    }
}

/// Reads `serve`'s options: nothing, `--port N` or `--port=N`.
fn parse_port(args: &[String]) -> Result<u16, String> {
    let value = match args {
        [] => return Ok(DEFAULT_PORT),
        [flag, value] if flag == "--port" => value.as_str(),
        [flag] if flag.starts_with("--port=") => &flag["--port=".len()..],
        _ => return Err(format!("`serve` takes only `--port N`\n\n{USAGE}")),
    };
    value
        .parse()
        .map_err(|_| format!("--port needs a number from 0 to 65535, not `{value}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn port_defaults_to_8000() {
        assert_eq!(parse_port(&[]), Ok(8000));
    }

    #[test]
    fn port_flag_in_both_spellings() {
        assert_eq!(parse_port(&strings(&["--port", "9001"])), Ok(9001));
        assert_eq!(parse_port(&strings(&["--port=0"])), Ok(0));
    }

    #[test]
    fn bad_port_is_refused() {
        assert!(parse_port(&strings(&["--port", "http"])).is_err());
        assert!(parse_port(&strings(&["--port", "70000"])).is_err());
        assert!(parse_port(&strings(&["--verbose"])).is_err());
    }

    #[test]
    fn extra_arguments_are_refused() {
        assert!(no_more_args(&strings(&["test"])).is_ok());
        assert!(no_more_args(&strings(&["test", "--fast"])).is_err());
    }
}
