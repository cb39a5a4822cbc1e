//! The one home of line:column: an index of a file's line starts (and of
//! its character counts every few kilobytes), built once per file, so any
//! byte offset becomes a 1-based line and character column in O(log n),
//! even on a file that is one megabyte-long line.

/// Bytes between character-count checkpoints.
const BLOCK: usize = 1024;

/// Where each line of a text starts, and how many characters precede each
/// block of [`BLOCK`] bytes.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars[k]` = characters in `text[..k * BLOCK]` (counted as bytes
    /// that do not continue a UTF-8 sequence, so no boundary is needed).
    chars: Vec<usize>,
    len: usize,
}

/// A 1-based line and column; columns count characters, as editors do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    /// Indexes a text once: linear in its length.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut chars = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for (i, b) in bytes.iter().enumerate() {
            if i % BLOCK == 0 {
                chars.push(count);
            }
            if *b == b'\n' {
                starts.push(i + 1);
            }
            if *b & 0xC0 != 0x80 {
                count += 1;
            }
        }
        // The end of a text that fills its last block exactly starts a
        // block of its own: without this entry its offset would count from 0.
        if bytes.len().is_multiple_of(BLOCK) {
            chars.push(count);
        }
        LineIndex {
            starts,
            chars,
            len: bytes.len(),
        }
    }

    /// Number of lines (a text ending in a line break has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn locate(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(self.len);
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .char_index(text, offset)
            .saturating_sub(self.char_index(text, start));
        LineCol {
            line,
            column: column + 1,
        }
    }

    /// The byte range of a 1-based line, without its line break.
    pub fn line_span(&self, line: usize) -> std::ops::Range<usize> {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let end = self
            .starts
            .get(line)
            .map_or(self.len, |next| next.saturating_sub(1));
        start..end.max(start)
    }

    /// Characters before a byte offset: a checkpoint, then at most one block.
    fn char_index(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let base = self.chars.get(block).copied().unwrap_or(0);
        let from = (block * BLOCK).min(offset);
        let tail = text.as_bytes().get(from..offset).unwrap_or(&[]);
        base + tail.iter().filter(|b| **b & 0xC0 != 0x80).count()
    }
}

/// The line and column of one offset, for a caller with a single position
/// (indexing is linear; keep the [`LineIndex`] when there are several).
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let at = LineIndex::new(text).locate(text, offset);
    (at.line, at.column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_of_a_text_that_fills_whole_blocks_is_on_its_last_line() {
        // Found by the scenario_parse fuzz target: a text of exactly a
        // block's length made the column of its end underflow.
        for len in [BLOCK, 2 * BLOCK] {
            let text = format!("{}\n{}", "a".repeat(10), "é".repeat((len - 11) / 2));
            let text = format!("{text}{}", "b".repeat(len - text.len()));
            assert_eq!(text.len(), len);
            let last = text.rsplit('\n').next().map_or(0, |l| l.chars().count());
            assert_eq!(at(&text, len), (2, last + 1));
        }
    }

    fn at(text: &str, offset: usize) -> (usize, usize) {
        let l = LineIndex::new(text).locate(text, offset);
        (l.line, l.column)
    }

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let t = "ab\nçd = 1\n\nx";
        assert_eq!(at(t, 0), (1, 1));
        assert_eq!(at(t, 2), (1, 3));
        assert_eq!(at(t, 3), (2, 1));
        // "ç" is two bytes but one column.
        assert_eq!(at(t, 5), (2, 2));
        assert_eq!(at(t, 12), (4, 1));
        assert_eq!(at(t, 999), (4, 2));
    }

    #[test]
    fn columns_are_right_across_checkpoints_of_a_long_line() {
        let t = format!("x\n{}é{}", "a".repeat(3000), "b".repeat(3000));
        let idx = LineIndex::new(&t);
        for off in [2, 1025, 3002, 3004, 5000, t.len()] {
            let want = t[..off]
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count())
                + 1;
            assert_eq!(idx.locate(&t, off).column, want, "offset {off}");
        }
        assert_eq!(idx.line_span(2), 2..t.len());
        assert_eq!(idx.line_span(1), 0..1);
    }
}
