"""covering index for scoring

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_evidence_org", table_name="evidence")
    op.create_index("ix_evidence_scoring", "evidence",
                    ["crawl_id", "org_id", "criterion", "probe_id", "is_home", "outcome", "score"])


def downgrade() -> None:
    op.drop_index("ix_evidence_scoring", table_name="evidence")
    op.create_index("ix_evidence_org", "evidence", ["crawl_id", "org_id"])
