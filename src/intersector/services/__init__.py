"""One function per use case: opens the store, calls the layers, returns domain objects. The only
package the doors (CLI, web) import besides `domain`. One module per area: `texts` (parse),
`registry` (the store: ingest, show, load, export, history, restore, import-relaton), `roadmaps`
(joined roadmaps, alignment checks, demo), `analytics` (overlaps, reviews, subjects, mappings,
language versions, revision diffs), `overlaps` (one item's candidates and subjects, the stored
candidates paged and filtered, confirmed duplicates of an item), `web` (registry items under the
access rules, documents, dashboard, search) and `users` (users, tokens, authentication). Every
public name is here."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the names, for type checkers; at run time each area is imported on first use
    from intersector.services.analytics import (
        MAPPING_FORMATS,
        OVERLAP_FORMATS,
        SUBJECT_FORMATS,
        OverlapPage,
        analytics_embedder,
        analytics_works,
        correct_subject,
        document_versions_report,
        find_overlaps,
        mapping_file,
        mapping_rows,
        overlap_candidates_for_web,
        overlap_index,
        review_candidate,
        review_candidate_for_web,
        review_overlap,
        revision_changes,
        revision_diff_text,
        subjects_report,
        work_subjects,
    )
    from intersector.services.overlaps import (
        OVERLAP_RELATIONS,
        REVIEW_DECISIONS,
        Analysed,
        ConfirmedDuplicate,
        DuplicateFilter,
        ItemSubjects,
        analysed,
        confirmed_duplicates,
        duplicate_candidates,
        item_overlaps,
        item_overlaps_in,
        item_subjects,
        item_subjects_in,
        resolve_filter,
        start_after,
    )
    from intersector.services.registry import (
        REGISTRY_TYPES,
        TEXT_SUFFIXES,
        count_lines,
        export_registry,
        history_of,
        import_relaton,
        ingest_paths,
        load_registry,
        open_registry,
        restore_version,
        show_stored,
        text_files,
    )
    from intersector.services.roadmaps import (
        ROADMAP_FORMATS,
        build_roadmap,
        check_registry,
        joined_roadmap,
        registry_findings,
        roadmap_file,
        run_demo,
    )
    from intersector.services.sessions import (
        end_sessions,
        principal_for_session,
        revoke_sessions,
        session_count,
        sign_in,
        sign_out,
    )
    from intersector.services.texts import (
        PARSE_FORMATS,
        parse_failures,
        parse_paths,
        parsed_output,
    )
    from intersector.services.users import (
        add_user,
        authenticate,
        find_user,
        issue_own_token,
        issue_token,
        list_users,
        principal_for_token,
        principal_for_user,
        revoke_token,
        set_password,
        set_role,
        user_tokens,
    )
    from intersector.services.web import (
        alignment_findings,
        create_item,
        dashboard,
        document_versions_of,
        document_view,
        get_item,
        item_history,
        item_sector,
        liaison_thread,
        list_documents,
        list_items,
        roadmap_document,
        roadmap_svg,
        roadmap_view,
        search_registry,
        subject_matrix,
        update_item,
        withdraw_item,
    )
    from intersector.services.work import (
        SubjectWork,
        subject_work_in,
        subject_work_report,
    )

# Areas in the order they are searched for a name: the cheap ones first, so that
# `intersector parse` does not pay for the web application, the store or the embeddings model.
_AREAS = (
    "texts",
    "registry",
    "roadmaps",
    "work",
    "analytics",
    "overlaps",
    "users",
    "sessions",
    "web",
)

__all__ = [
    "MAPPING_FORMATS",
    "OVERLAP_FORMATS",
    "OVERLAP_RELATIONS",
    "PARSE_FORMATS",
    "REGISTRY_TYPES",
    "REVIEW_DECISIONS",
    "ROADMAP_FORMATS",
    "SUBJECT_FORMATS",
    "TEXT_SUFFIXES",
    "Analysed",
    "ConfirmedDuplicate",
    "DuplicateFilter",
    "ItemSubjects",
    "OverlapPage",
    "SubjectWork",
    "add_user",
    "alignment_findings",
    "analysed",
    "analytics_embedder",
    "analytics_works",
    "authenticate",
    "build_roadmap",
    "check_registry",
    "confirmed_duplicates",
    "correct_subject",
    "count_lines",
    "create_item",
    "dashboard",
    "document_versions_of",
    "document_versions_report",
    "document_view",
    "duplicate_candidates",
    "end_sessions",
    "export_registry",
    "find_overlaps",
    "find_user",
    "get_item",
    "history_of",
    "import_relaton",
    "ingest_paths",
    "issue_own_token",
    "issue_token",
    "item_history",
    "item_overlaps",
    "item_overlaps_in",
    "item_sector",
    "item_subjects",
    "item_subjects_in",
    "joined_roadmap",
    "liaison_thread",
    "list_documents",
    "list_items",
    "list_users",
    "load_registry",
    "mapping_file",
    "mapping_rows",
    "open_registry",
    "overlap_candidates_for_web",
    "overlap_index",
    "parse_failures",
    "parse_paths",
    "parsed_output",
    "principal_for_session",
    "principal_for_token",
    "principal_for_user",
    "registry_findings",
    "resolve_filter",
    "restore_version",
    "review_candidate",
    "review_candidate_for_web",
    "review_overlap",
    "revision_changes",
    "revision_diff_text",
    "revoke_sessions",
    "revoke_token",
    "roadmap_document",
    "roadmap_file",
    "roadmap_svg",
    "roadmap_view",
    "run_demo",
    "search_registry",
    "session_count",
    "set_password",
    "set_role",
    "show_stored",
    "sign_in",
    "sign_out",
    "start_after",
    "subject_matrix",
    "subject_work_in",
    "subject_work_report",
    "subjects_report",
    "text_files",
    "update_item",
    "user_tokens",
    "withdraw_item",
    "work_subjects",
]


def __getattr__(name: str) -> object:
    """Import the area that defines `name` on first use (PEP 562) and keep the name here."""
    if name in __all__:
        for area in _AREAS:
            module = importlib.import_module(f"{__name__}.{area}")
            if name in vars(module):
                value = vars(module)[name]
                globals()[name] = value
                return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
