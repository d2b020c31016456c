// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/widgets/ConnectionStepsView.h"

#include <QHeaderView>
#include <QStyledItemDelegate>

namespace ScimConsole::Gui {

using namespace Core;

namespace {

/// QTreeView asks a row's height without the columns' widths (QTreeView::indexRowSizeHint), so wrapped text got
/// one line and was cut off: this delegate measures each cell at its column's width.
class WrappingDelegate final : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem sized = option;
        // The style wraps only within a valid rectangle, which needs a height as well.
        sized.rect.setSize({m_view->columnWidth(index.column()), std::max(option.rect.height(), 1)});
        return QStyledItemDelegate::sizeHint(sized, index);
    }

private:
    QTreeView *m_view;
};

} // namespace

ConnectionStepsView::ConnectionStepsView(QWidget *parent)
    : QTreeWidget(parent)
{
    setAccessibleName(tr("Connection test steps"));
    setRootIsDecorated(false);
    setHeaderLabels({tr("Step"), tr("Result"), tr("Detail"), tr("What to do")});
    setWordWrap(true);
    setItemDelegate(new WrappingDelegate(this));
    header()->resizeSection(0, 190);
    header()->resizeSection(1, 90);
    header()->resizeSection(2, 330);
    // A column that changes width changes how many lines its cells take.
    connect(header(), &QHeaderView::sectionResized, this, [this] { scheduleDelayedItemsLayout(); });
}

QColor ConnectionStepsView::resultColor(const QWidget *widget, bool passed)
{
    const bool darkBase = widget->palette().color(QPalette::Base).lightnessF() < 0.5;
    if (passed)
        return darkBase ? QColor(0x7e, 0xe7, 0x87) : QColor(0x1a, 0x7f, 0x37);
    return darkBase ? QColor(0xff, 0x7b, 0x72) : QColor(0xb0, 0x20, 0x20);
}

void ConnectionStepsView::showSteps(const QList<ConnectionStep> &steps)
{
    clear();
    for (const ConnectionStep &step : steps) {
        const QString result = step.outcome == ConnectionStep::Outcome::Passed   ? tr("✔ Passed")
                               : step.outcome == ConnectionStep::Outcome::Failed ? tr("✘ Failed")
                                                                                 : tr("Not tried");
        auto *item = new QTreeWidgetItem(this, {step.name, result, step.detail, step.fix});
        if (step.outcome != ConnectionStep::Outcome::NotTried)
            item->setForeground(1, resultColor(this, step.passed()));
        for (int column = 0; column < 4; ++column) {
            item->setToolTip(column, item->text(column));
            item->setTextAlignment(column, Qt::AlignLeading | Qt::AlignTop); // a wrapped row reads from its top line
        }
    }
}

} // namespace ScimConsole::Gui
