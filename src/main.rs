//! The `culturesim` binary: parse the command line, run the command, and
//! map a failure to its message and exit code (2: bad input, 1: anything
//! else). The commands live in `culturesim::command`; everything they
//! print goes through `culturesim::output`.

use clap::Parser;
use culturesim::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    match culturesim::command::dispatch(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.is_empty() {
                // Messages quote files and arguments: escaped for the
                // terminal, and written without a panic if stderr is gone.
                // A rendered diagnostic is already safe, and may be coloured.
                let message = f.message.trim_end();
                if f.rendered {
                    culturesim::output::eprintln(message);
                } else {
                    culturesim::output::eprintln(&culturesim::output::escape_lines(message));
                }
            }
            ExitCode::from(f.code)
        }
    }
}
