//! The `culturesim` binary: parse the command line, run the command, and
//! map a failure to its message and exit code (2: bad input, 1: anything
//! else). The commands live in `culturesim::command`.

use clap::Parser;
use culturesim::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    match culturesim::command::dispatch(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.is_empty() {
                eprintln!("{}", f.message.trim_end());
            }
            ExitCode::from(f.code)
        }
    }
}
