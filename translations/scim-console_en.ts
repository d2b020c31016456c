<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>Filled the store with a demo directory: %n account(s) in %1 organizations, with groups, applications, tokens and a day of sync log.</source>
        <translation>
            <numerusform>Filled the store with a demo directory: %n account in %1 organizations, with groups, applications, tokens and a day of sync log.</numerusform>
            <numerusform>Filled the store with a demo directory: %n accounts in %1 organizations, with groups, applications, tokens and a day of sync log.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extension field %1 deleted, with the values of %n account(s).</source>
        <translation>
            <numerusform>Extension field %1 deleted, with the values of %n account.</numerusform>
            <numerusform>Extension field %1 deleted, with the values of %n accounts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  (%n member(s))
</source>
        <translation>
            <numerusform>%1  %2  (%n member)
</numerusform>
            <numerusform>%1  %2  (%n members)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2), %n member(s)
</source>
        <translation>
            <numerusform>%1 (%2), %n member
</numerusform>
            <numerusform>%1 (%2), %n members
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n RAM user(s) into the directory; the next push links them.</source>
        <translation>
            <numerusform>Imported %n RAM user into the directory; the next push links them.</numerusform>
            <numerusform>Imported %n RAM users into the directory; the next push links them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 of %n account(s)</source>
        <translation>
            <numerusform>%1 to %2 of %n account</numerusform>
            <numerusform>%1 to %2 of %n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganizationStore</name>
    <message numerus="yes">
        <source>&quot;%1&quot; has %n organization(s) below it: move or delete them first.</source>
        <translation>
            <numerusform>&quot;%1&quot; has %n organization below it: move or delete them first.</numerusform>
            <numerusform>&quot;%1&quot; has %n organizations below it: move or delete them first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; holds %n account(s): move or delete them first.</source>
        <translation>
            <numerusform>&quot;%1&quot; holds %n account: move or delete them first.</numerusform>
            <numerusform>&quot;%1&quot; holds %n accounts: move or delete them first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message numerus="yes">
        <source>The password is too short: at least %n character(s).</source>
        <translation>
            <numerusform>The password is too short: at least %n character.</numerusform>
            <numerusform>The password is too short: at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password is too long: at most %n character(s).</source>
        <translation>
            <numerusform>The password is too long: at most %n character.</numerusform>
            <numerusform>The password is too long: at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProviderSelfTest</name>
    <message numerus="yes">
        <source>A userName no one has matched %n user(s).</source>
        <translation>
            <numerusform>A userName no one has matched %n user.</numerusform>
            <numerusform>A userName no one has matched %n users.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>200, %n user(s) in the application&apos;s scope.</source>
        <translation>
            <numerusform>200, %n user in the application&apos;s scope.</numerusform>
            <numerusform>200, %n users in the application&apos;s scope.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s)</source>
        <translation>
            <numerusform>%n organization</numerusform>
            <numerusform>%n organizations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An access token, valid for %n second(s).</source>
        <translation>
            <numerusform>An access token, valid for %n second.</numerusform>
            <numerusform>An access token, valid for %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Core::GuardedTcpServer</name>
    <message numerus="yes">
        <source>The request headers did not arrive within %n seconds.</source>
        <translation>
            <numerusform>The request headers did not arrive within %n second.</numerusform>
            <numerusform>The request headers did not arrive within %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The request body did not arrive within %n seconds.</source>
        <translation>
            <numerusform>The request body did not arrive within %n second.</numerusform>
            <numerusform>The request body did not arrive within %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The request line is longer than %n bytes.</source>
        <translation>
            <numerusform>The request line is longer than %n byte.</numerusform>
            <numerusform>The request line is longer than %n bytes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The request headers are longer than %n bytes.</source>
        <translation>
            <numerusform>The request headers are longer than %n byte.</numerusform>
            <numerusform>The request headers are longer than %n bytes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The request body is larger than %n bytes.</source>
        <translation>
            <numerusform>The request body is larger than %n byte.</numerusform>
            <numerusform>The request body is larger than %n bytes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server has %n connections open, its limit.</source>
        <translation>
            <numerusform>The server has %n connection open, its limit.</numerusform>
            <numerusform>The server has %n connections open, its limit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This address has %n connections open, the limit per client.</source>
        <translation>
            <numerusform>This address has %n connection open, the limit per client.</numerusform>
            <numerusform>This address has %n connections open, the limit per client.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Core::RamPullJob</name>
    <message numerus="yes">
        <source>Cancelled after %n user(s).</source>
        <translation>
            <numerusform>Cancelled after %n user.</numerusform>
            <numerusform>Cancelled after %n users.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ApplicationListModel</name>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>Expires in %n day</numerusform>
            <numerusform>Expires in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enabled</source>
        <translation>
            <numerusform>%n enabled</numerusform>
            <numerusform>%n enabled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A bearer token expires within %n day(s): rotate it before the client is locked out (T-06).</source>
        <translation>
            <numerusform>A bearer token expires within %n day: rotate it before the client is locked out (T-06).</numerusform>
            <numerusform>A bearer token expires within %n days: rotate it before the client is locked out (T-06).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::CallRateChart</name>
    <message numerus="yes">
        <source>calls per %n minute(s)</source>
        <translation>
            <numerusform>calls per minute</numerusform>
            <numerusform>calls per %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ConnectProviderWizard</name>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s)</source>
        <translation>
            <numerusform>%n organization</numerusform>
            <numerusform>%n organizations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::DirectoryPage</name>
    <message numerus="yes">
        <source>%Ln account(s)</source>
        <translation>
            <numerusform>%Ln account</numerusform>
            <numerusform>%Ln accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ExtensionFieldsView</name>
    <message numerus="yes">
        <source>Delete the extension field “%1” and the values %Ln account(s) hold in it?</source>
        <translation>
            <numerusform>Delete the extension field “%1” and the values %Ln account hold in it?</numerusform>
            <numerusform>Delete the extension field “%1” and the values %Ln accounts hold in it?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::GroupsView</name>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::MainWindow</name>
    <message numerus="yes">
        <source>%1 req/s · %Ln failure(s) in the last minute</source>
        <translation>
            <numerusform>%1 req/s · %Ln failure in the last minute</numerusform>
            <numerusform>%1 req/s · %Ln failures in the last minute</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::RamPage</name>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s)</source>
        <translation>
            <numerusform>%n organization</numerusform>
            <numerusform>%n organizations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;SCIM:&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Client ID:&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;App secret:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Pushes:&lt;/b&gt; %4 · &lt;b&gt;RAM user names:&lt;/b&gt; %5 · &lt;b&gt;Disabled accounts:&lt;/b&gt; %6 · %n request(s) at once</source>
        <translation>
            <numerusform>&lt;b&gt;SCIM:&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Client ID:&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;App secret:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Pushes:&lt;/b&gt; %4 · &lt;b&gt;RAM user names:&lt;/b&gt; %5 · &lt;b&gt;Disabled accounts:&lt;/b&gt; %6 · %n request at once</numerusform>
            <numerusform>&lt;b&gt;SCIM:&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Client ID:&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;App secret:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Pushes:&lt;/b&gt; %4 · &lt;b&gt;RAM user names:&lt;/b&gt; %5 · &lt;b&gt;Disabled accounts:&lt;/b&gt; %6 · %n requests at once</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n conflict(s) were not sent (see the Preview tab)</source>
        <translation>
            <numerusform>and %n conflict was not sent (see the Preview tab)</numerusform>
            <numerusform>and %n conflicts were not sent (see the Preview tab)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>RAM asked to slow down or failed briefly %n time(s); those requests were retried.</source>
        <translation>
            <numerusform>RAM asked to slow down or failed briefly once; that request was retried.</numerusform>
            <numerusform>RAM asked to slow down or failed briefly %n times; those requests were retried.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n account(s) into %1, linked to their RAM users: the next push adopts them.</source>
        <translation>
            <numerusform>Imported %n account into %1, linked to its RAM user: the next push adopts it.</numerusform>
            <numerusform>Imported %n accounts into %1, linked to their RAM users: the next push adopts them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ServerPage</name>
    <message numerus="yes">
        <source>one per core (%n)</source>
        <translation>
            <numerusform>one per core (%n)</numerusform>
            <numerusform>one per core (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::SyncLogPage</name>
    <message numerus="yes">
        <source>%Ln new call(s) held back</source>
        <translation>
            <numerusform>%Ln new call held back</numerusform>
            <numerusform>%Ln new calls held back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::SyncScopeDialog</name>
    <message numerus="yes">
        <source>%Ln account(s)</source>
        <translation>
            <numerusform>%Ln account</numerusform>
            <numerusform>%Ln accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln group</numerusform>
            <numerusform>%Ln groups</numerusform>
        </translation>
    </message>
</context>
</TS>
