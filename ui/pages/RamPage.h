#pragma once

#include "ui/pages/Page.h"

namespace ScimConsole::Gui {

/// Alibaba Cloud RAM: profiles, preview, push and pull come with the RAM panel issue. Until then the page says
/// what the command line already does.
class RamPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RamPage)

public:
    explicit RamPage(QWidget *parent = nullptr);
};

} // namespace ScimConsole::Gui
