//! `collect NAME "title" { ... }`: a P3P STATEMENT (REC §3.3).

use super::context::{block_items, each_item, many_block, once, origin, Args, Cx, Key};
use super::{data, lists, practice_law, values};
use crate::ast::Item;
use crate::model::Statement;

const KEYS: &[Key] = &[
    once("from"),
    many_block("data"),
    once("for"),
    once("to"),
    once("retain"),
    once("non-identifiable"),
    once("consequence"),
    once("text"),
];

pub fn statement(cx: &mut Cx, item: &Item) -> Option<Statement> {
    let mut args = Args::of(cx, item);
    let name = args.name(
        cx,
        "a name for the statement, e.g. `collect registration { ... }`",
    );
    let title = args.opt_string().map(|s| s.value.clone());
    args.finish(cx);
    let mut st = Statement {
        name: String::new(),
        title,
        identifiable: true,
        origin: origin(&item.head),
        ..Statement::default()
    };
    let keys = practice_law::with_keys(KEYS);
    each_item(
        cx,
        block_items(item),
        "a `collect` block",
        &keys,
        |cx, it| match it.key() {
            "from" => st.subjects = lists::names(cx, it, "the subjects the data is collected from"),
            "data" => st.data.extend(data::uses(cx, it)),
            "for" => st.purposes = lists::purposes(cx, it),
            "to" => st.recipients = lists::recipients(cx, it),
            "retain" => st.retention = lists::retention(cx, it),
            "non-identifiable" => {
                values::flag(cx, it);
                st.identifiable = false;
            }
            key if practice_law::is_key(key) => practice_law::item(cx, it, &mut st.legal),
            "consequence" => st.consequence = values::text(cx, it, "the consequence as a string"),
            _ => st.text = values::text(cx, it, "prose as a string"),
        },
    );
    st.name = name?;
    Some(st)
}
