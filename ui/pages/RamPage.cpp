#include "ui/pages/RamPage.h"

#include "ui/Icons.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

RamPage::RamPage(QWidget *parent)
    : Page(parent)
{
    auto *picture = new QLabel(this);
    picture->setPixmap(icon(QStringLiteral("ram")).pixmap(QSize(64, 64), devicePixelRatioF()));
    auto *text = new QLabel(tr("<h3>Alibaba Cloud RAM</h3><p>Profiles, a preview of what a push will change, push "
                               "and pull from this page are on their way.</p><p>Today the command line does it:</p>"
                               "<pre>scim-console ram profile set --name … --client-id … --secret-stdin\n"
                               "scim-console ram push --profile … --dry-run\n"
                               "scim-console ram pull --profile …</pre>"),
                            this);
    text->setObjectName(QStringLiteral("ramPlaceholder"));
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(picture, 0, Qt::AlignCenter);
    layout->addWidget(text, 0, Qt::AlignCenter);
    layout->addStretch(2);
}

} // namespace ScimConsole::Gui
