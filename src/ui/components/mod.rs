//! The page's components, one per file. Each renders its props and sends events up; none keeps
//! state of its own beyond what the DOM does (open `<details>`), and none touches the browser.

mod commands_panel;
mod empty_state;
mod error_banner;
mod examples_menu;
// The handshake explainer (issue 5).
pub mod explainer;
mod explainer_compare;
mod explainer_controls;
pub mod explainer_diagram;
mod explainer_step;
pub mod explainer_walk;
mod finding_item;
mod finding_list;
mod hop_row;
mod hop_table;
pub mod icons;
mod input_card;
mod input_problem;
mod masthead;
mod message_context;
mod overview;
pub mod page;
mod pending;
mod policy_panel;
pub mod policy_text;
mod records_panel;
mod sclient_view;
mod shortcuts;
mod status_footer;
mod tlsrpt_view;

pub use commands_panel::CommandsPanel;
pub use empty_state::EmptyState;
pub use error_banner::ErrorBanner;
pub use examples_menu::ExamplesMenu;
pub use explainer::{ExplainerNav, ExplainerPage};
pub use explainer_walk::WalkthroughView;
pub use finding_item::FindingItem;
pub use finding_list::FindingList;
pub use hop_row::HopRow;
pub use hop_table::HopTable;
pub use icons::severity_icon;
pub use input_card::InputCard;
pub use input_problem::InputProblem;
pub use masthead::Masthead;
pub use message_context::MessageContext;
pub use overview::{grade_class, Overview};
pub use page::{Handlers, Page};
pub use pending::Pending;
pub use policy_panel::PolicyPanel;
pub use policy_text::PolicyText;
pub use records_panel::RecordsPanel;
pub use sclient_view::SClientView;
pub use shortcuts::Shortcuts;
pub use status_footer::StatusFooter;
pub use tlsrpt_view::TlsRptView;
