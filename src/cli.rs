//! The command line (clap derive types only); `main.rs` dispatches.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// culturesim: lead an organization through a customer-culture
/// transformation, quarter by quarter.
#[derive(Debug, Parser)]
#[command(name = "culturesim", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play a scenario in the terminal (the title screen when none is given).
    Play(PlayArgs),
    /// Continue a saved game.
    Resume {
        /// The save file.
        save: PathBuf,
        #[command(flatten)]
        saves: SavesArg,
    },
    /// Run a scenario headless with a plan and print every quarter's figures.
    Run(RunArgs),
    /// Start a new save from a quarter of another: "what if I had played
    /// quarter N otherwise?". The original is never changed.
    Branch {
        /// The save to branch from (a game cut short will do).
        save: PathBuf,
        /// The quarter the branch plays on its own; quarters before it are
        /// the original's.
        #[arg(long, value_name = "N")]
        at: u32,
        /// The new save (default: NAME_branch_qN.toml beside the original).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Compare two saves: where they part, every KPI side by side, and the
    /// causes of the differences in culture, profit and score.
    Compare {
        /// The first save (A).
        a: PathBuf,
        /// The second save (B); differences are B − A.
        b: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DocFormatArg::Text)]
        format: DocFormatArg,
    },
    /// Replay saves and check that they are genuine.
    Verify {
        /// Save files, or folders of them, to verify.
        #[arg(required = true)]
        saves: Vec<PathBuf>,
        /// A scenario file to replay the saves of its id on, instead of
        /// the shipped one or a copy beside the saves (may be repeated).
        #[arg(long = "scenario", value_name = "FILE")]
        scenarios: Vec<PathBuf>,
    },
    /// Work with scenario files.
    #[command(subcommand)]
    Scenario(ScenarioCommand),
    /// A game's debrief to keep: score term by term, charts, story,
    /// lessons and decisions.
    Debrief(DebriefArgs),
    /// For instructors: a class of saves.
    #[command(subcommand)]
    Class(ClassCommand),
    /// Teams in one market: a shared folder, one round at a time.
    #[command(subcommand)]
    Market(MarketCommand),
}

#[derive(Debug, Subcommand)]
pub enum MarketCommand {
    /// Start a market folder for 2 to 6 teams.
    New {
        /// A shipped scenario id or a path to a scenario file.
        scenario: String,
        /// The market folder to create (shared by the teams).
        #[arg(long)]
        dir: PathBuf,
        /// Team names, comma-separated (letters, digits, - and _).
        #[arg(long, value_delimiter = ',', required = true)]
        teams: Vec<String>,
        /// The seed (defaults to the scenario's).
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Play a team's round: its figures, the industry report, its decisions.
    Play(MarketPlayArgs),
    /// Who has submitted for the open round.
    Status {
        /// The market folder.
        dir: PathBuf,
    },
    /// Resolve the open round (the instructor) and write the reports.
    Resolve {
        /// The market folder.
        dir: PathBuf,
        /// Resolve even if teams have not submitted: they repeat their last decisions.
        #[arg(long)]
        force: bool,
    },
    /// Undo the rounds after round N.
    Rollback {
        /// The market folder.
        dir: PathBuf,
        /// The last round to keep (0 undoes every round).
        #[arg(long)]
        to: u32,
    },
    /// Replay every round and name any file edited after it was resolved.
    Verify {
        /// The market folder.
        dir: PathBuf,
    },
    /// Check a market's story: reference teams play one market across seeds.
    Lab {
        /// A market check file, e.g. scenarios/markets/market.toml.
        file: PathBuf,
    },
    /// Print the industry report of a round (default: the last resolved).
    Report {
        /// The market folder.
        dir: PathBuf,
        #[arg(long)]
        round: Option<u32>,
    },
}

#[derive(Debug, Args)]
pub struct MarketPlayArgs {
    /// The market folder.
    pub dir: PathBuf,
    /// Your team's name.
    #[arg(long)]
    pub team: String,
    /// Submit without the interactive screen: money on the vision.
    #[arg(long)]
    pub vision: Option<f64>,
    /// Money on understanding customers.
    #[arg(long)]
    pub insight: Option<f64>,
    /// Money on skills.
    #[arg(long)]
    pub skills: Option<f64>,
    /// Money on marketing.
    #[arg(long)]
    pub marketing: Option<f64>,
    /// An initiative to start (repeat for more).
    #[arg(long = "start", value_name = "ID")]
    pub initiatives: Vec<String>,
    /// An answer to an open dilemma, DILEMMA=CHOICE (repeat for more).
    #[arg(long = "answer", value_name = "DILEMMA=CHOICE")]
    pub answers: Vec<String>,
}

#[derive(Debug, Args)]
pub struct DebriefArgs {
    /// The save file (verified by replay first).
    pub save: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DebriefFormat::Text)]
    pub format: DebriefFormat,
    /// Write to this file instead of the terminal (Markdown: the charts as
    /// SVG files beside it).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// What to draw the game beside: balanced, do-nothing, or another save
    /// (default: do-nothing and balanced on the same seed).
    #[arg(long, value_name = "balanced|do-nothing|SAVE")]
    pub against: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DebriefFormat {
    Text,
    Md,
    Html,
}

#[derive(Debug, Subcommand)]
pub enum ClassCommand {
    /// Verify, rank and compare a class's saves.
    Report(ClassArgs),
}

#[derive(Debug, Args)]
pub struct ClassArgs {
    /// Save files or folders of saves.
    #[arg(required = true)]
    pub saves: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClassFormat::Table)]
    pub format: ClassFormat,
    /// Write to this file instead of the terminal.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The class's scenario file (default: the one most saves were played on).
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, value_parser = clap::value_parser!(usize))]
    pub threads: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ClassFormat {
    Table,
    Csv,
    Md,
    Html,
}

#[derive(Debug, Default, Args)]
pub struct PlayArgs {
    /// A shipped scenario id or a path to a scenario file.
    pub scenario: Option<String>,
    /// The seed (defaults to the scenario's).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Player or team name.
    #[arg(long)]
    pub player: Option<String>,
    #[command(flatten)]
    pub saves: SavesArg,
}

#[derive(Debug, Default, Args)]
pub struct SavesArg {
    /// Folder for saves (default: ./saves, or $CULTURESIM_SAVES).
    #[arg(long = "saves", env = "CULTURESIM_SAVES", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// A shipped scenario id or a path to a scenario file.
    pub scenario: String,
    /// The plan: a plan file (TOML, `-`: standard input), a save, the JSON
    /// or CSV of a run, or
    /// the name of a reference plan or of one of the scenario's own.
    #[arg(long)]
    pub plan: PathBuf,
    /// The seed (defaults to the scenario's).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Also write the run as a save file (a reference save for a class).
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// Player or team name recorded in the save.
    #[arg(long, default_value = "reference")]
    pub player: String,
    /// Refuse a plan that names a quarter, initiative or dilemma the
    /// scenario lacks (without it, those parts are left out with a warning).
    #[arg(long)]
    pub strict: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// The formats of a report for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DocFormatArg {
    Text,
    Md,
    Html,
}

#[derive(Debug, Subcommand)]
pub enum ScenarioCommand {
    /// List the shipped scenarios and those in ./scenarios.
    List,
    /// Check scenario files and report every problem.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the scenario format.
    Schema,
    /// Play reference and random plans across seeds; report balance.
    Lab {
        /// A shipped scenario id or a path to a scenario file.
        file: String,
        /// Seeds per reference plan.
        #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        seeds: u32,
        /// Random plans in the sweep.
        #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(0..=1_000_000))]
        random: u32,
        /// Worker threads (default: one per core).
        #[arg(long, value_parser = clap::value_parser!(usize))]
        threads: Option<usize>,
        /// With --quarters: the plan shown (a reference plan or one of the
        /// scenario's [[plan]]s; default balanced).
        #[arg(long, value_name = "NAME")]
        plan: Option<String>,
        /// Show a plan's figures quarter by quarter across the seeds.
        #[arg(long)]
        quarters: bool,
        /// Fail (exit 1) on any flag or warning, not only on failed rules.
        #[arg(long)]
        strict: bool,
        /// Hunt for exploits with a full plan search (every lab run does a short one).
        #[arg(long)]
        search: bool,
        /// Candidates the plan search evaluates (default: 20000 with --search, 1500 without); each single-lever search gets a tenth.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
        evals: Option<u32>,
        /// Write the best plan found as a plan file (for `run --plan`).
        #[arg(long, value_name = "FILE")]
        write_plan: Option<PathBuf>,
    },
}
