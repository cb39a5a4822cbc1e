//! Every sentence the terminal game shows, in one place, so that wording
//! can be reviewed (and one day translated) without reading the views.

use super::format::whole;

pub const APP_NAME: &str = "culturesim";
pub const TAGLINE: &str = "Build a customer culture, one quarter at a time.";
/// Below this size the screens cannot be read; a message asks for more.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Shown when the terminal is smaller than the minimum.
pub fn too_small(width: u16, height: u16) -> String {
    format!(
        "The terminal is {width}×{height}; culturesim needs at least {MIN_WIDTH}×{MIN_HEIGHT} (80×24 is best). Enlarge the window, or press Ctrl-C to quit."
    )
}
pub const PLAYER_MAX: usize = 24;
pub const BRIEFING_SCROLL_MAX: u16 = 1000;
/// Lines a page key scrolls.
pub const PAGE: u16 = 10;
/// How many key moments the debrief lists.
pub const MOMENTS: usize = 12;
/// Quarters in the why overlay: this one and the four before.
pub const WHY_SPAN: usize = 5;

pub use crate::analysis::{REF_BALANCED, REF_DO_NOTHING};
pub const YOU: &str = "you";

pub const NOT_A_TERMINAL: &str = "the game needs a terminal: run it in a terminal window, without redirecting its input or output (for headless play use `culturesim run`)";
pub const NO_SCENARIO: &str = "No scenario to play: add a scenario file to ./scenarios.";
pub const NO_DILEMMA: &str = "No dilemma is waiting for an answer this quarter.";

// Title screen.
pub const TITLE_SCENARIOS: &str = "Scenarios";
pub const TITLE_CONTINUE: &str = "Continue a saved game";
pub const TITLE_SEED: &str = "Seed";
pub const SEED: &str = "seed";
pub const TITLE_SEED_LOCKED: &str = "(set by the scenario)";
pub const TITLE_PLAYER: &str = "Player";
pub const TITLE_PROBLEMS: &str = "Not loaded";
pub const TITLE_QUARTERS: &str = "quarters";

// Briefing.
pub const BRIEFING: &str = "Briefing";
pub const GOAL: &str = "Your goal";
pub const SCORING: &str = "How you are scored";
pub const BRIEFING_START: &str = "Press Enter to begin quarter 1.";
pub const GROUND_RULES: &str = "The ground rules";
pub const MORE_BELOW: &str = " ↓ more below ";
pub const AT_END: &str = " ↑ more above ";

/// The briefing's ground rules.
pub fn ground_rules(quarters: u32, budget: &str, cash: &str, credit: &str, seed: u64) -> String {
    format!(
        "{quarters} quarters. Each quarter you may spend up to {budget} on the four levers (vision, insight, skills, marketing); initiatives and some answers cost extra. You start with {cash} in cash; below the credit line of {credit} the game ends. Cash you can spare may be paid to the owners (Pay owners). Seed {seed}."
    )
}

/// The header during the briefing.
pub fn quarters(n: u32) -> String {
    format!("{n} quarters")
}

// Quarter screen.
pub const FIGURES_START: &str = "Figures at the start";

/// The KPI panel's title once quarters have been played.
pub fn figures_after(q: u32) -> String {
    format!("Figures after Q{q}")
}
pub const NEWS: &str = "News";
pub const NEWS_MORE: &str = " n: all the news ";
pub const NO_NEWS: &str = "A quiet quarter: nothing out of the ordinary happened.";
pub const NEWS_START: &str = "Set this quarter's spending in the decisions panel (↑↓ choose a row, ←→ or digits change it), then press Enter to play the quarter. Press ? for help at any time.";
pub const DECISIONS: &str = "Decisions";
pub const BUDGET_LEFT: &str = "budget left";
pub const CASH_AFTER: &str = "cash after spending";
/// The payout row's name and what it does.
pub const PAYOUT: &str = "Pay owners";
pub const CASH_AFTER_PAYOUT: &str = "cash after spending and payout";
pub const PAYOUT_HINT: &str =
    "a dividend: the owners earn on it; the board expects it again; keep a reserve";
/// The decision panel's change-load line: "change load 1.42 of 1.20 ▲ fatigue".
pub const LOAD: &str = "change load";
pub const ABSORBS: &str = "of";
pub const LOAD_OVER: &str = " ▲ fatigue";
pub const INITIATIVES: &str = "Initiatives (Space: on/off)";
pub const DILEMMAS: &str = "Waiting for your answer (Space)";
pub const ANSWERED: &str = "Your answers (Space: change)";
pub const UNANSWERED: &str = "not answered";
pub const MEASURED: &str = "~ survey figure: noise ±";
pub const CHART_PEOPLE: &str = "Culture & people";
pub const CHART_CUSTOMERS: &str = "Customers (surveyed)";
pub const CHART_MONEY: &str = "Profit";

/// The names of the four levers and what each buys.
pub const LEVERS: [(&str, &str); 4] = [
    ("Vision", "leadership time on a vision people buy into"),
    ("Insight", "research to understand customers"),
    ("Skills", "training and cross-functional work"),
    ("Marketing", "winning new customers"),
];

// Commit confirmation.
pub const COMMIT_TITLE: &str = "Commit this quarter?";
pub const COMMIT_LEVERS: &str = "Levers";
pub const COMMIT_INITIATIVES: &str = "Initiatives";
pub const COMMIT_ANSWERS: &str = "Answer";
pub const COMMIT_TOTAL: &str = "Spending";
pub const COMMIT_OK: &str = "Enter: play the quarter · Esc: back to the decisions";
pub const COMMIT_BLOCKED: &str = "Esc: back to the decisions to fix this";
pub const COMMIT_ANYWAY: &str = "Enter: play it anyway · Esc: back to the decisions";

/// The commit window's warning when the spending alone takes cash below
/// the credit line: the model ends the game there unless the quarter's
/// revenue lifts cash back above it.
pub fn commit_bankrupt(spent: f64, cash: f64, credit_line: f64, available: f64) -> String {
    format!(
        "Risk of bankruptcy: spending {} takes cash from {} to {}, below the credit line of {} \
         (at most {} stays above it). Unless this quarter's revenue lifts cash back over \
         the line, the game ends here in bankruptcy.",
        whole(spent),
        whole(cash),
        whole(cash - spent),
        whole(credit_line),
        whole(available)
    )
}
pub const COMMIT_DEFAULT: &str = "No answer to";

/// The commit window's line for a dilemma left open.
pub fn default_taken(title: &str, label: &str, cost: f64) -> String {
    if cost != 0.0 {
        format!(
            "{COMMIT_DEFAULT} {title}: \"{label}\" will be taken (cost {})",
            whole(cost)
        )
    } else {
        format!("{COMMIT_DEFAULT} {title}: \"{label}\" will be taken")
    }
}

// Report.
pub const REPORT: &str = "Quarter report";
pub const CAUSES: &str = "Biggest causes";
pub const CASH_CAUSE: &str = "the quarter's profit";
/// The report's cash causes with a payout, short to fit 80 columns.
pub const PROFIT_CAUSE: &str = "profit";
pub const PAYOUT_CAUSE: &str = "paid to owners";
pub const REPORT_HEAD: [&str; 3] = ["before", "after", "change"];
pub const COMPARE_HEAD: [&str; 3] = ["score", "culture", "cum.profit"];
pub const FATIGUE: &str = "Fatigue";
pub const EQUITY: &str = "customer equity";
pub const SCORE_PENALTY: &str = "game over";
pub const BOARD_EXPECTS: &str = "Board expects";
pub const WHY_ROSE: &str = "rose";
pub const WHY_FELL: &str = "fell";
pub const WHY_WAS: &str = "was";

/// The why overlay's sentence, e.g. "In Q4, employee engagement fell 1.3;
/// the largest causes: change fatigue (−2.2) and profit trend (−2.0)."
pub fn why_sentence(q: u32, what: &str, verb: &str, amount: &str, causes: &str) -> String {
    format!("In Q{q}, {what} {verb} {amount}; the largest causes: {causes}.")
}
pub const CHANGED: &str = "What changed";
pub const REPORT_NEXT: &str = "Enter: on to the next quarter";
pub const REPORT_END: &str = "Enter: see the debrief";
pub const REPORT_PAST: &str = "Enter/Esc: back to the game";
pub const WHY_KEYS: &str = "←→ figure · ↑↓ ? cause";
pub const WHY_KEYS_PAST: &str = "←→ quarter · ↑↓ figure";

// Why overlay.
pub const WHY: &str = "Why?";
pub const WHY_CHANGE: &str = "change";
pub const WHY_TOTAL_FLOW: &str = "total";
pub const WHY_VALUE: &str = "value";
pub const WHY_OTHER: &str = "everything else";
pub const WHY_NONE: &str = "Nothing to explain yet: play a quarter first.";
pub const WHY_CHANGE_NOTE: &str = "Each row is one cause; each column sums to the change.";
pub const WHY_FOLLOWS_NOTE: &str =
    "NPS follows experience: its causes in NPS points, plus the survey's noise.";
pub const WHY_SCORE_NOTE: &str = "The score's weighted figures each quarter; they add up to it.";
pub const WHY_PARTS_NOTE: &str = "A flow, not a stock: its parts each quarter.";
pub const WHY_PROFIT_NOTE: &str = "Profit is the change of cash; its parts each quarter.";
pub const WHY_SURVEY_NOTE: &str = "A survey figure: the true causes, plus the survey's noise.";

// Debrief.
pub const DEBRIEF: &str = "Debrief";
pub const FINAL_SCORE: &str = "Final score";
pub const PENALTY: &str = "penalty: the game ended early";
pub const GOAL_TITLE: &str = "Your goal";
pub const GOAL_MET: &str = "Goal met.";
pub const GOAL_CULTURE: &str = "Culture grew:";
pub const GOAL_SCORE: &str = "Score";
pub const GOAL_VERSUS: &str = ", doing nothing";
pub const GOAL_INITIATIVE: &str = "Tried an initiative";

/// The tutorial goal's point about dilemmas.
pub fn goal_answers(answered: usize, asked: usize) -> String {
    format!("You answered {answered} of {asked} dilemmas")
}
pub const GOAL_MISSED: &str = "Goal not met yet: play again (r) and try.";
pub const MOMENTS_TITLE: &str = "Key moments";
pub const NO_MOMENTS: &str = "No large swings: a steady game.";
pub const COMPARE: &str = "Same scenario, same seed";
pub const DEBRIEF_CHARTS: [&str; 6] = [
    "Score",
    "Culture",
    "Engagement",
    "Cumulative profit",
    "Customer equity",
    "Board confidence",
];

// Overlays.
pub const QUIT_TITLE: &str = "Quit?";
pub const QUIT_SAVED: &str = "Every committed quarter is saved; continue it from the title screen.";
pub const QUIT_UNSAVED: &str = "This game is not saved: quitting ends it.";
pub const QUIT_SAVE_FAILED: &str = "The last autosave FAILED, so the latest quarters are not saved: quitting now loses them. Free disk space or fix the folder's permissions, then retry.";
pub const QUIT_FAILED_KEYS: &str = "r: retry saving   y: quit anyway   n: keep playing";
pub const QUIT_IDLE: &str = "Leave culturesim?";
pub const QUIT_KEYS: &str = "y: quit   n or Esc: keep playing";

// The name prompt.
pub const NAME_TITLE: &str = "Your name";
pub const NAME_ASK: &str = "Type your name and press Enter. It is written into your saved game, so that whoever you hand it to knows whose game it is.";
pub const NAME_NEEDED: &str = "Type your name first: it goes into the save you hand in.";
pub const KEYS_NAME: Keys = &[("Enter", "done"), ("Bksp", "erase"), ("Esc", "back")];

// The detail window of an initiative or a dilemma.
pub const DETAIL_MORE: &str = "i: read all";
pub const DETAIL_COST: &str = "Cost";
pub const DETAIL_COOLDOWN: &str = "can start again after";
pub const DETAIL_LOAD: &str = "change load";
pub const DETAIL_DEFAULT: &str = "If you do not answer:";
pub const KEYS_DETAIL: Keys = &[("Esc", "close"), ("↑↓", "scroll")];

// Handing in a class game.
pub const HAND_IN_TITLE: &str = "Hand in your game";
pub const HAND_IN_WHAT: &str = "Hand this file to your teacher:";
pub const HAND_IN_HOW: &str = "It replays your game; `culturesim verify` checks it.";
pub const HAND_IN_NONE: &str = "This game was not saved, so there is nothing to hand in.";

/// Printed on the terminal after quitting, when a game was saved.
pub fn hand_in(path: &str) -> String {
    format!(
        "culturesim: your game is saved in\n  {path}\nTo hand it in, give that file to your teacher: it replays your game exactly, and `culturesim verify {path}` checks it. `culturesim resume {path}` continues an unfinished game."
    )
}
pub const HELP_TITLE: &str = "Help";
pub const HELP_KEYS: &str = "Keys on this screen";
pub const HELP_GAME: &str = "How the game works";
pub const DILEMMA_IF_NONE: &str = "If you do not answer:";
pub const DILEMMA_KEYS: &str = "↑↓ choose · 1-9 pick · Enter answer · Esc decide later";
pub const COST: &str = "cost";

/// How the game works, in short paragraphs.
pub const HELP: [&str; 10] = [
    "Each quarter you split a budget between four levers: Vision (leadership time on a vision people buy into), Insight (research into your customers), Skills (training and teams working across functions) and Marketing (winning customers). Spending carries over to the next quarter until you change it.",
    "Customer culture grows toward the WEAKEST of vision, insight and skills: balance beats piling money on one. It starts slowly and gathers momentum as champions appear.",
    "Engagement follows culture a quarter later; customer experience follows engagement; loyalty, revenue and profit follow experience. Investment costs money now and pays later: expect profit to dip before it climbs.",
    "Doing too much at once breeds change fatigue (on the dashboard), which slows culture and hurts engagement. The budget is a ceiling, not a target: spending all of it every quarter is doing too much at once, and the quarter report shows the load above capacity as it builds. Initiatives are one-off programmes with a cost and a cooldown; press i to read one in full.",
    "The board expects profit close to last quarter's, and success raises the bar: a confident board wants growth on top (the money chart, c, shows what it expects). If its confidence reaches zero you are replaced; if cash falls below the credit line the game ends too.",
    "Surplus cash: the Pay owners row (below the budget) pays cash out as a dividend. It is not a cost, so profit is unchanged; the owners earn on it what capital earns elsewhere, and the score counts that as owners' return, while cash kept earns nothing. The board likes a rising payout and takes one once paid as the new normal: cutting it costs confidence. Keep a reserve: late in the game events and dilemmas ask for cash.",
    "Customer counts and NPS (marked ~) come from surveys: the less you know your customers (insight), the noisier they are. The why view shows the survey's noise as a cause of its own.",
    "Your score is on the dashboard after every quarter, with each of its weighted parts; the debrief adds it up line by line.",
    "Select a figure with Tab (or a click) and press w to see exactly what moved it, cause by cause; every column adds up to the change shown. In the why view, ↑↓ picks a cause and ? says what it means. The words below are every cause's name.",
    "What if? Press p to look back at any past quarter (←→ quarter, Tab its report, why and news) and b to branch there: the game goes back to the start of that quarter with your earlier decisions, and goes on as a new save; the original stays. Later quarters start as you played them; f plays the quarter and all the rest so, to the debrief. The debrief shows a branch beside its original (d: how and why they differ) and, with v, beside any other saved run of the same scenario and seed.",
];

/// The help's heading over the word list.
pub const HELP_WORDS: &str = "Words on the screens";

/// Keys of each screen and overlay, most important first: (key, action).
pub type Keys = &'static [(&'static str, &'static str)];

pub const KEYS_TITLE: Keys = &[
    ("Enter", "start"),
    ("↑↓", "scenario"),
    ("Tab", "seed/name"),
    ("?", "help"),
    ("q", "quit"),
];
pub const KEYS_BRIEFING: Keys = &[
    ("Enter", "begin"),
    ("↑↓", "scroll"),
    ("Esc", "back"),
    ("?", "help"),
    ("q", "quit"),
];
pub const KEYS_QUARTER: Keys = &[
    ("Enter", "commit"),
    ("↑↓", "row"),
    ("←→", "amount"),
    ("Space", "on/off"),
    ("Tab", "figure"),
    ("w", "why"),
    ("?", "help"),
    ("p", "past"),
    ("q", "quit"),
    ("c", "chart"),
    ("0-9", "type"),
    ("n", "news"),
    ("s", "save"),
];
pub const KEYS_REPORT: Keys = &[
    ("Enter", "next"),
    ("↑↓", "figure"),
    ("w", "why"),
    ("p", "past"),
    ("c", "chart"),
    ("?", "help"),
    ("q", "quit"),
    ("n", "news"),
    ("s", "save"),
];
pub const KEYS_DEBRIEF: Keys = &[
    ("b", "what if"),
    ("↑↓", "moments"),
    ("c", "chart"),
    ("r", "play again"),
    ("n", "new game"),
    ("?", "help"),
    ("q", "quit"),
    ("v", "compare"),
    ("d", "differences"),
    ("p", "past"),
];
pub const KEYS_HELP: Keys = &[("Esc", "close"), ("↑↓", "scroll"), ("Space", "page")];
pub const KEYS_HELP_CLOSE: Keys = &[("Esc", "close")];
pub const SAVE_TITLE: &str = "Saved game";
pub const SAVE_NONE: &str = "This build keeps no saves: the game ends when you quit.";
pub const SAVE_NOT_YET: &str =
    "The game is saved after every quarter you play; nothing has been played yet.";
pub const SAVE_AT: &str = "Saved after every quarter you play, to:";
pub const SAVE_CONTINUE: &str =
    "Continue it later from the title screen, or with `culturesim resume FILE`.";
pub const KEYS_QUIT: Keys = &[("y", "quit"), ("n", "stay")];
pub const KEYS_COMMIT: Keys = &[("Enter", "commit"), ("Esc", "back")];
pub const KEYS_DILEMMA: Keys = &[
    ("Enter", "answer"),
    ("↑↓", "choose"),
    ("1-9", "pick"),
    ("Esc", "later"),
];
pub const KEYS_WHY: Keys = &[
    ("←→", "figure"),
    ("↑↓", "cause"),
    ("?", "what it means"),
    ("Esc", "close"),
];
pub const KEYS_GLOSSARY: Keys = &[("Esc", "back to the why view")];

/// Longer explanations of the keys, for the help overlay.
pub const HELP_QUARTER: Keys = &[
    ("↑ ↓ / j k", "select a lever, an initiative or a dilemma"),
    ("← → / h l", "less or more money on the lever (Shift: ×5)"),
    ("0-9 Bksp", "type an amount for the lever"),
    ("Space", "switch an initiative on or off; open a dilemma"),
    ("d", "answer the next dilemma"),
    ("i", "read an initiative's or a dilemma's whole text"),
    ("Tab", "select a figure; w: why it moved"),
    (
        "c",
        "switch chart: people, customers, profit (on a small screen: and the news)",
    ),
    (
        "mouse",
        "click a row, figure or key; click again to act; the wheel scrolls",
    ),
    ("s", "where the game is saved"),
    ("n", "all of last quarter's news"),
    ("Enter", "commit the quarter (you confirm first)"),
];

/// Keys that work everywhere, for the help overlay.
pub const HELP_ALWAYS: Keys = &[
    ("? / q", "this help / quit (you confirm first)"),
    ("Ctrl-Z", "suspend to the shell; fg brings the game back"),
    ("Ctrl-C", "quit at once, without asking"),
];

/// "Quarter 3 of 20".
pub fn quarter_of(q: u32, of: u32) -> String {
    format!("Quarter {q} of {of}")
}

/// The notice when a typed amount is more than the budget leaves.
pub fn capped(room: f64) -> String {
    format!("Capped at {}: that is what the budget leaves.", whole(room))
}

/// The notice when a payout is typed above the cash held.
pub fn payout_capped(held: f64) -> String {
    format!("Capped at {}: only cash held can be paid out.", whole(held))
}

/// The notice when an initiative cannot start yet.
pub fn cooling(title: &str, quarters: u32) -> String {
    format!("{title} can start again in {quarters} quarter(s).")
}

/// An initiative's cooldown as shown in the decision panel.
pub fn cooldown(quarters: u32) -> String {
    format!("ready in {quarters}q")
}

/// A dilemma answered by default, in the news.
pub fn defaulted(label: &str) -> String {
    format!("{label} (no answer given)")
}

/// A dilemma opening, in the news.
pub fn opened(title: &str) -> String {
    format!("A decision awaits you: {title}")
}

/// An initiative starting, in the news.
pub fn started(title: &str) -> String {
    format!("Started: {title}")
}

/// The autosave failed.
pub fn save_failed(problem: &str) -> String {
    format!("Autosave failed: {problem}")
}

// What if: the history of past quarters, branches and other runs.
pub const HISTORY_TITLE: &str = "Past quarters";
pub const HISTORY_NONE: &str = "No quarter has been played yet.";
pub const HISTORY_PAGES: [&str; 3] = ["report", "why", "news"];
pub const KEYS_HISTORY: Keys = &[
    ("←→ 0-9", "quarter"),
    ("Tab", "report/why/news"),
    ("↑↓", "figure"),
    ("b", "branch here"),
    ("Esc", "back"),
];
pub const BRANCH_TITLE: &str = "What if? Branch here";
pub const BRANCH_AT: &str = "branch at";
pub const BRANCH_FROM: &str = "from";
pub const KEYS_BRANCH_ASK: Keys = &[("y", "branch"), ("n", "back")];
pub const VERSUS_TITLE: &str = "Compare with another run (same scenario and seed)";
pub const VERSUS_NONE: &str = "No other saved run of this scenario and seed to compare with.";
pub const KEYS_VERSUS: Keys = &[("Enter", "compare"), ("↑↓", "run"), ("Esc", "back")];
pub const FAST_FORWARD_NONE: &str =
    "f plays a branch on as its original did: branch first (p, then b at a past quarter).";
pub const DIFFERENCES_TITLE: &str = "How the runs differ";
pub const DIFFERENCES_NONE: &str =
    "Nothing to compare with yet: branch at a past quarter (b) or pick another run (v).";
pub const DIFFERENCES_SCROLL_MAX: u16 = 200;
pub const KEYS_DIFFERENCES: Keys = &[("↑↓", "scroll"), ("Tab", "other run"), ("Esc", "back")];
/// The parent of a branch, as the debrief names it.
pub const ORIGINAL: &str = "original";
/// Other runs kept beside the player's in the debrief.
pub const VERSUS_MAX: usize = 3;

/// The history's title: which quarter and page, and how to move.
pub fn history_title(quarter: u32, played: u32, page: usize) -> String {
    let pages: Vec<String> = HISTORY_PAGES
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i == page {
                format!("[{p}]")
            } else {
                p.to_string()
            }
        })
        .collect();
    format!(
        "{HISTORY_TITLE} · Q{quarter} of {played} played · {} · ←→ quarter · b branch here",
        pages.join(" ")
    )
}

/// What branching at quarter `at` does, before the player says yes.
pub fn branch_question(at: u32) -> String {
    let before = match at {
        1 => "no quarter played".to_string(),
        2 => "your decisions of quarter 1".to_string(),
        n => format!("your decisions of quarters 1-{}", n - 1),
    };
    format!(
        "Play quarter {at} again, another way? The game goes back to the start of quarter {at} with {before}; quarter {at}'s decisions are set as you made them, to change. Play goes on as a new save, a branch of this game; this game stays as it is, and the debrief shows the two side by side."
    )
}

/// The notice after branching.
pub fn branched(at: u32) -> String {
    format!("Branched at Q{at}: change it and press Enter, or f for it and the rest as before.")
}

/// One line of the debrief per other run: the score difference and the
/// quarter the runs part.
pub fn versus_line(label: &str, diff: f64, parts: Option<u32>) -> String {
    let parts = parts.map_or("the same game".to_string(), |q| format!("parts Q{q}"));
    format!("{diff:+.1} vs {label} · {parts} · d: why")
}
