//! Unit tests of the walk: types, ranges, shapes, defaults and the order
//! problems come out in, on small inline files.

use crate::scenario::{Error, Scenario, parse};
use crate::sim::{Expectation, Kpi, Op};

/// Six lines; what a test adds starts on line 7, at the top level.
const HEAD: &str = "id = \"t\"\ntitle = \"T\"\nsummary = \"S\"\nquarters = 12\nbudget = 400\n\
                    briefing = { story = \"A\", goal = \"B\" }\n";

fn load(extra: &str) -> Result<Scenario, Error> {
    parse(format!("{HEAD}{extra}").as_bytes(), "t.toml", "t.toml")
}

/// The problems as "line:column path: message" lines.
fn problems(extra: &str) -> Vec<String> {
    match load(extra) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .problems()
            .iter()
            .map(|p| format!("{}:{} {}: {}", p.line, p.column, p.path, p.message))
            .collect(),
    }
}

#[test]
fn whole_numbers_are_accepted_where_numbers_are_expected() {
    let s = load("[economics]\nfixed_costs = 250\nmarket_growth = 1_000\n").map(|s| s.rules);
    let eco = s.map(|r| (r.economics.fixed_costs, r.economics.market_growth));
    assert_eq!(eco.ok(), Some((250.0, 1000.0)));
}

#[test]
fn numbers_with_a_fraction_are_refused_where_whole_ones_are_expected() {
    let p = problems(
        "[[initiative]]\nid = \"x\"\ntitle = \"X\"\ntext = \"x\"\ncost = 1\ncooldown = 2.5\n",
    );
    assert_eq!(
        p,
        ["12:12 initiative[0].cooldown: expected a whole number, found the number 2.5"]
    );
}

#[test]
fn other_radixes_and_signs_are_read() {
    assert_eq!(load("seed = 0x10\n").map(|s| s.seed).ok(), Some(16));
    assert_eq!(problems("seed = -1\n"), ["7:8 seed: -1 is too small"]);
}

#[test]
fn a_single_table_where_a_list_is_expected_says_to_double_the_brackets() {
    let e = load("[event]\nid = \"x\"\n").err().map(|e| e.to_string());
    let text = e.unwrap_or_default();
    assert!(
        text.contains("error: expected a list of tables, found a table\n --> t.toml:7:1"),
        "{text}"
    );
    assert!(
        text.contains("= help: write [[event]] (with double brackets) for each entry"),
        "{text}"
    );
}

#[test]
fn lists_longer_than_allowed_are_refused() {
    let effects = vec!["{ target = \"cash\", add = 1 }"; 21].join(", ");
    let extra = format!(
        "[[initiative]]\nid = \"x\"\ntitle = \"X\"\ntext = \"x\"\ncost = 1\neffects = [{effects}]\n"
    );
    assert_eq!(
        problems(&extra),
        ["12:11 initiative[0].effects: has 21 entries, more than the 20 allowed"]
    );
}

#[test]
fn effects_may_be_inline_or_sections_and_defaults_fill_in() {
    let extra = "[[event]]\nid = \"e\"\ntitle = \"E\"\ntext = \"e\"\nchance = 0.5\n\
                 [[event.effects]]\ntarget = \"churn\"\nmultiply = 1.5\nquarters = 3\n\
                 [[initiative]]\nid = \"i\"\ntitle = \"I\"\ntext = \"i\"\ncost = 5\n\
                 effects = [{ target = \"skills\", add = 2 }]\n";
    let rules = load(extra).map(|s| s.rules);
    let Ok(rules) = rules else {
        assert_eq!(problems(extra), Vec::<String>::new());
        return;
    };
    let e = &rules.events[0];
    assert_eq!((e.trigger.latest, e.trigger.max_times), (12, 1));
    assert_eq!(e.effects[0].op, Op::Multiply);
    assert_eq!((e.effects[0].value, e.effects[0].quarters), (1.5, 3));
    let i = &rules.initiatives[0];
    assert_eq!((i.cooldown, i.load, i.effects[0].quarters), (4, 1.0, 1));
}

#[test]
fn score_weights_keep_the_order_they_were_written_in() {
    let s = load("[scoring]\nweights = { profit = 1, board = -0.5, advocates = 2 }\n");
    let weights = s.map(|s| s.rules.scoring.weights.clone());
    assert_eq!(
        weights.ok(),
        Some(vec![
            (Kpi::Profit, 1.0),
            (Kpi::Board, -0.5),
            (Kpi::Advocates, 2.0)
        ])
    );
}

#[test]
fn the_board_expects_previous_or_a_number() {
    let fixed = load("[board]\nexpectation = 450\n").map(|s| s.rules.expectation.clone());
    assert_eq!(fixed.ok(), Some(Expectation::Fixed(450.0)));
    assert_eq!(
        problems("[board]\nexpectation = \"last\"\n"),
        ["8:15 board.expectation: expected a number or \"previous\", found text \"last\""]
    );
}

#[test]
fn model_parameters_are_checked_against_their_own_ranges() {
    assert_eq!(
        problems("[model]\nculture_speed = 2\ncultur_speed = 0.1\n"),
        [
            "8:17 model.culture_speed: 2 is too large",
            "9:1 model.cultur_speed: unknown model parameter \"cultur_speed\""
        ]
    );
    let s = load("[model]\nculture_speed = 0.3\n").map(|s| s.rules.params.culture_speed);
    assert_eq!(s.ok(), Some(0.3));
}

#[test]
fn triggers_need_exactly_one_of_quarter_and_chance() {
    let base = "[[event]]\nid = \"e\"\ntitle = \"E\"\ntext = \"e\"\n";
    assert_eq!(
        problems(base),
        ["7:1 event[0]: has neither quarter nor chance"]
    );
    assert_eq!(
        problems(&format!("{base}quarter = 2\nchance = 0.5\n")),
        ["12:10 event[0].chance: gives both quarter and chance"]
    );
    assert_eq!(
        problems(&format!("{base}quarter = 2\nlatest = 4\n")),
        ["12:10 event[0].latest: latest applies only to random events"]
    );
    assert_eq!(
        problems(&format!("{base}chance = 0.5\nearliest = 6\nlatest = 3\n")),
        ["13:10 event[0].latest: latest (3) is before earliest (6)"]
    );
}

#[test]
fn conditions_must_be_able_to_hold() {
    let base = "[[event]]\nid = \"e\"\ntitle = \"E\"\ntext = \"e\"\nchance = 1\n";
    assert_eq!(
        problems(&format!(
            "{base}when = [{{ stock = \"culture\" }}, {{ stock = \"cash\", above = 5, below = 1 }}, {{ stock = \"fatigue\", below = 120 }}]\n"
        )),
        [
            "12:9 event[0].when[0]: has neither below nor above",
            "12:58 event[0].when[1]: can never hold: cash above 5 and below 1",
            "12:103 event[0].when[2].below: 120 is outside the range of fatigue (0 to 100)"
        ]
    );
}

#[test]
fn effects_must_fit_their_target() {
    let base = "[[initiative]]\nid = \"x\"\ntitle = \"X\"\ntext = \"x\"\ncost = 1\n";
    assert_eq!(
        problems(&format!(
            "{base}effects = [{{ target = \"culture\", add = 150 }}, {{ target = \"cash\" }}]\n"
        )),
        [
            "12:40 initiative[0].effects[0].add: 150 is too large for culture",
            "12:47 initiative[0].effects[1]: has neither add nor multiply"
        ]
    );
}

#[test]
fn expect_rules_are_read_with_their_defaults() {
    let s = load("[[expect]]\nplan = \"balanced\"\nversus = \"do-nothing\"\nmetric = \"score\"\nshare = 0.9\n\n[[expect]]\ntext = \"The J-curve\"\nplan = \"balanced\"\nversus = \"do-nothing\"\nmetric = \"profit\"\nfrom = 1\nto = 3\ncompare = \"below\"\n")
        .map_err(|e| e.to_string());
    let rules = s.map(|s| s.expect).unwrap_or_default();
    assert_eq!(rules.len(), 2);
    let (a, b) = (&rules[0], &rules[1]);
    assert_eq!(
        (a.from, a.to, a.share, a.compare),
        (12, 12, 0.9, super::super::Compare::Above)
    );
    assert_eq!(
        a.text,
        "balanced above do-nothing on score in quarter 12, on 90% of seeds"
    );
    assert_eq!(
        (b.from, b.to, b.compare),
        (1, 3, super::super::Compare::Below)
    );
    assert_eq!(b.text, "The J-curve");
}

#[test]
fn expect_rules_with_mistakes_are_explained() {
    assert_eq!(
        problems(
            "[[expect]]\nplan = \"balance\"\nmetric = \"profits\"\nvalue = 3\nversus = \"do-nothing\"\nfrom = 14\n"
        ),
        [
            "8:8 expect[0].plan: unknown plan \"balance\"",
            "9:10 expect[0].metric: unknown metric \"profits\"",
            "10:9 expect[0]: gives both versus and value",
            "12:8 expect[0].from: from = 14 is after to = 12",
            "12:8 expect[0].from: quarter 14 is after the scenario's last quarter (12)"
        ]
    );
}

#[test]
fn starting_below_the_credit_line_or_with_no_board_is_refused() {
    assert_eq!(
        problems("credit_line = -100\n[start]\ncash = -500\nboard = 0\n"),
        [
            "9:8 start.cash: the starting cash (-500) is below the credit line (-100): the game would be over before it starts",
            "10:9 start.board: a board confidence of 0 ends the game before it starts"
        ]
    );
}

#[test]
fn problems_come_out_in_file_order_whatever_the_key_order() {
    // The parser stores keys sorted; the report must follow the file.
    let p = problems("zeta = 1\nalpha = 2\n");
    assert_eq!(
        p,
        [
            "7:1 zeta: unknown key \"zeta\"",
            "8:1 alpha: unknown key \"alpha\""
        ]
    );
}

#[test]
fn text_and_files_that_are_not_text_are_refused() {
    let e = parse(b"id = \"a\"\n\xff\xfe", "x.toml", "x.toml").err();
    let p = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        p.starts_with("error: the file is not valid UTF-8 text (byte 10 is not)\n --> x.toml:2:1"),
        "{p}"
    );
    let long = format!("{HEAD}# {}\n", "x".repeat(1 << 20));
    let e = parse(long.as_bytes(), "x.toml", "x.toml").err();
    let p = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(p.contains("the file is 1,048,680 bytes long; scenario files may be at most 1,048,576 bytes (1 MiB); line 7 alone is over 1,048,475 bytes"), "{p}");
}
