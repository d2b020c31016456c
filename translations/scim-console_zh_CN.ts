<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountStore</name>
    <message>
        <source>There is no organization with id %1.</source>
        <translation>不存在 ID 为 %1 的组织。</translation>
    </message>
    <message>
        <source>The userName &quot;%1&quot; is already taken.</source>
        <translation>userName“%1”已被占用。</translation>
    </message>
    <message>
        <source>There is no account with id %1.</source>
        <translation>不存在 ID 为 %1 的账户。</translation>
    </message>
    <message>
        <source>There is no account with the userName &quot;%1&quot;.</source>
        <translation>不存在 userName 为“%1”的账户。</translation>
    </message>
</context>
<context>
    <name>AppRegistration</name>
    <message>
        <source>An application needs a name.</source>
        <translation>应用必须有名称。</translation>
    </message>
    <message>
        <source>An application name has at most %1 characters.</source>
        <translation>应用名称最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Unknown application kind &quot;%1&quot;: use standard or custom.</source>
        <translation>未知的应用类型“%1”：请使用 standard 或 custom。</translation>
    </message>
    <message>
        <source>Unknown on-duplicate policy &quot;%1&quot;: use update or reject.</source>
        <translation>未知的重复处理策略“%1”：请使用 update 或 reject。</translation>
    </message>
    <message>
        <source>Unknown unsupported-type policy &quot;%1&quot;: use reject or ignore.</source>
        <translation>未知的不支持类型策略“%1”：请使用 reject 或 ignore。</translation>
    </message>
</context>
<context>
    <name>ApplicationStore</name>
    <message>
        <source>There is no application with id %1.</source>
        <translation>不存在 ID 为 %1 的应用。</translation>
    </message>
    <message>
        <source>The new scope leaves out the sync target &quot;%1&quot;. Choose another sync target first, or keep it in the scope.</source>
        <translation>新的同步范围不包含同步目标“%1”。请先选择其他同步目标，或将其保留在范围内。</translation>
    </message>
    <message>
        <source>Fields can only be mapped under a namespace: set the namespace too.</source>
        <translation>字段只能在 Namespace 下映射：请同时设置 Namespace。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>The application&apos;s id.</source>
        <translation>应用的 ID。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (%2)
  kind:              %3
  SCIM base path:    /scim/v2/apps/%2
  SCIM permission:   %4
  on duplicate:      %5
  unsupported types: %6
  scope:             %7 organization(s), %8 group(s)
  sync target:       %9
  namespace:         %10
  mapped fields:     %11</source>
        <translation>%1（%2）
  类型：            %3
  SCIM Base 路径：  /scim/v2/apps/%2
  SCIM 接口权限：   %4
  重复处理：        %5
  不支持的类型：    %6
  同步范围：        %7 个组织，%8 个组
  同步目标：        %9
  Namespace：       %10
  映射字段：        %11</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>部分开放</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Created application:</source>
        <translation>已创建应用：</translation>
    </message>
    <message>
        <source>No applications yet: add one with `scim-console app create --name NAME`.</source>
        <translation>尚无应用：请用 `scim-console app create --name 名称` 添加。</translation>
    </message>
    <message>
        <source>give either --enable or --disable</source>
        <translation>请指定 --enable 或 --disable 之一</translation>
    </message>
    <message>
        <source>SCIM API permission enabled for all scenarios.</source>
        <translation>已为所有功能场景开放 SCIM API 接口权限。</translation>
    </message>
    <message>
        <source>SCIM API permission disabled.</source>
        <translation>已关闭 SCIM API 接口权限。</translation>
    </message>
    <message>
        <source>give --on-duplicate or --unsupported-types</source>
        <translation>请指定 --on-duplicate 或 --unsupported-types</translation>
    </message>
    <message>
        <source>Policies saved.</source>
        <translation>策略已保存。</translation>
    </message>
    <message>
        <source>Sync scope saved.</source>
        <translation>同步范围已保存。</translation>
    </message>
    <message>
        <source>Sync target cleared.</source>
        <translation>同步目标已清除。</translation>
    </message>
    <message>
        <source>Sync target saved.</source>
        <translation>同步目标已保存。</translation>
    </message>
    <message>
        <source>Field mapping cleared.</source>
        <translation>字段映射已清除。</translation>
    </message>
    <message>
        <source>Field mapping saved.</source>
        <translation>字段映射已保存。</translation>
    </message>
    <message>
        <source>Add an application.</source>
        <translation>添加应用。</translation>
    </message>
    <message>
        <source>The application&apos;s name.</source>
        <translation>应用名称。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>standard (default) or custom.</source>
        <translation>standard（默认，标准协议应用）或 custom（自研应用）。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>List the applications.</source>
        <translation>列出应用。</translation>
    </message>
    <message>
        <source>Show an application&apos;s configuration.</source>
        <translation>显示应用的配置。</translation>
    </message>
    <message>
        <source>Enable or disable the SCIM API permission.</source>
        <translation>开放或关闭 SCIM API 接口权限。</translation>
    </message>
    <message>
        <source>Allow SCIM calls (all scenarios).</source>
        <translation>允许 SCIM 调用（所有功能场景）。</translation>
    </message>
    <message>
        <source>Refuse SCIM calls with 403.</source>
        <translation>以 403 拒绝 SCIM 调用。</translation>
    </message>
    <message>
        <source>Set the on-duplicate and unsupported-type policies.</source>
        <translation>设置重复处理策略和不支持类型策略。</translation>
    </message>
    <message>
        <source>update (default) or reject: what a create with a taken userName does.</source>
        <translation>update（默认）或 reject：创建请求的 userName 已被占用时的处理方式。</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>reject (default) or ignore: what an email or phone number of another type than work does.</source>
        <translation>reject（默认）或 ignore：类型不是 work 的邮箱或手机号的处理方式。</translation>
    </message>
    <message>
        <source>Replace the sync scope.</source>
        <translation>替换同步范围。</translation>
    </message>
    <message>
        <source>An organization in scope, with its subtree (repeatable).</source>
        <translation>范围内的组织，包括其下级（可重复）。</translation>
    </message>
    <message>
        <source>A group in scope (repeatable).</source>
        <translation>范围内的组（可重复）。</translation>
    </message>
    <message>
        <source>Set the sync target organization.</source>
        <translation>设置同步目标组织。</translation>
    </message>
    <message>
        <source>An organization inside the sync scope.</source>
        <translation>同步范围内的一个组织。</translation>
    </message>
    <message>
        <source>Remove the sync target.</source>
        <translation>移除同步目标。</translation>
    </message>
    <message>
        <source>Set the custom-field namespace and mapped fields.</source>
        <translation>设置自定义字段 Namespace 和映射字段。</translation>
    </message>
    <message>
        <source>The URN the identity provider sends; &quot;okta&quot; and &quot;entra:NAME&quot; are presets. Empty clears.</source>
        <translation>身份提供方发送的 URN；“okta”和“entra:名称”为预设值。留空则清除。</translation>
    </message>
    <message>
        <source>urn</source>
        <translation>URN</translation>
    </message>
    <message>
        <source>An extension field to write (repeatable).</source>
        <translation>要写入的扩展字段（可重复）。</translation>
    </message>
    <message>
        <source>The store: a SQLite file, or postgresql://user:password@host:port/database. Default: $SCIM_CONSOLE_DB, else a file in the application data folder.</source>
        <translation>数据存储：SQLite 文件，或 postgresql://用户:密码@主机:端口/数据库。默认：$SCIM_CONSOLE_DB，否则为应用数据目录中的文件。</translation>
    </message>
    <message>
        <source>location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>输出机器可读的 JSON。</translation>
    </message>
    <message>
        <source>Usage: scim-console [--db LOCATION]            start the console
       scim-console &lt;command&gt; [options]       run one command

Commands:
</source>
        <translation>用法：scim-console [--db 位置]               启动控制台
      scim-console &lt;命令&gt; [选项]            运行一条命令

命令：
</translation>
    </message>
    <message>
        <source>
Every command takes --db LOCATION and --json; `scim-console &lt;command&gt; --help` lists its options.
Exit codes: 0 done, 1 refused by a rule or not found, 2 usage error, 3 store error.
</source>
        <translation>
每条命令都接受 --db 位置 和 --json；`scim-console &lt;命令&gt; --help` 列出其选项。
退出码：0 完成，1 被规则拒绝或未找到，2 用法错误，3 存储错误。
</translation>
    </message>
    <message>
        <source>scim-console: unknown command &quot;%1&quot;</source>
        <translation>scim-console：未知命令“%1”</translation>
    </message>
    <message>
        <source>scim-console: %1 (see --help)</source>
        <translation>scim-console：%1（参见 --help）</translation>
    </message>
    <message>
        <source>scim-console: unexpected argument &quot;%1&quot; (see --help)</source>
        <translation>scim-console：多余的参数“%1”（参见 --help）</translation>
    </message>
    <message>
        <source>scim-console: error: %1</source>
        <translation>scim-console：错误：%1</translation>
    </message>
    <message>
        <source>missing --%1</source>
        <translation>缺少 --%1</translation>
    </message>
    <message>
        <source>Created organization %1 (%2)</source>
        <translation>已创建组织 %1（%2）</translation>
    </message>
    <message>
        <source>Created extension field %1 (%2)</source>
        <translation>已创建扩展字段 %1（%2）</translation>
    </message>
    <message>
        <source>No extension fields are defined.</source>
        <translation>尚未定义扩展字段。</translation>
    </message>
    <message>
        <source>Add an organization to the directory tree.</source>
        <translation>在组织树中添加组织。</translation>
    </message>
    <message>
        <source>The organization&apos;s name.</source>
        <translation>组织名称。</translation>
    </message>
    <message>
        <source>The parent organization (default: the root).</source>
        <translation>上级组织（默认：根组织）。</translation>
    </message>
    <message>
        <source>Show the organization tree.</source>
        <translation>显示组织树。</translation>
    </message>
    <message>
        <source>Define an extension field.</source>
        <translation>定义扩展字段。</translation>
    </message>
    <message>
        <source>Lowercase letters and &quot;_&quot;, at most 40.</source>
        <translation>小写字母和“_”，最多 40 个字符。</translation>
    </message>
    <message>
        <source>string, number or boolean.</source>
        <translation>string、number 或 boolean。</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>The name shown to administrators.</source>
        <translation>向管理员显示的名称。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>List the extension fields.</source>
        <translation>列出扩展字段。</translation>
    </message>
    <message>
        <source>The token&apos;s id (not its secret).</source>
        <translation>令牌的 ID（不是其密钥）。</translation>
    </message>
    <message>
        <source>--days takes a whole number of days, not &quot;%1&quot;</source>
        <translation>--days 需要整数天数，而不是“%1”</translation>
    </message>
    <message>
        <source>Bearer token %1 created, valid until %2.

  %3

Copy it now: it is shown only once and cannot be recovered.</source>
        <translation>已创建 Bearer Token %1，有效期至 %2。

  %3

请立即复制：它只显示这一次，之后无法找回。</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>%1  %2…  %3  expires %4
</source>
        <translation>%1  %2…  %3  到期 %4
</translation>
    </message>
    <message>
        <source>This application has no bearer tokens.</source>
        <translation>该应用没有 Bearer Token。</translation>
    </message>
    <message>
        <source>Bearer token %1 deleted.</source>
        <translation>已删除 Bearer Token %1。</translation>
    </message>
    <message>
        <source>Bearer token %1 enabled.</source>
        <translation>已启用 Bearer Token %1。</translation>
    </message>
    <message>
        <source>Bearer token %1 disabled.</source>
        <translation>已禁用 Bearer Token %1。</translation>
    </message>
    <message>
        <source>Add a bearer token; prints its secret once.</source>
        <translation>添加 Bearer Token；仅输出一次其密钥。</translation>
    </message>
    <message>
        <source>Validity: 1 day to 3 years.</source>
        <translation>有效期：1 天至 3 年。</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>List an application&apos;s bearer tokens.</source>
        <translation>列出应用的 Bearer Token。</translation>
    </message>
    <message>
        <source>Enable a bearer token.</source>
        <translation>启用 Bearer Token。</translation>
    </message>
    <message>
        <source>Disable a bearer token (one must stay enabled).</source>
        <translation>禁用 Bearer Token（必须至少保留一个启用）。</translation>
    </message>
    <message>
        <source>Delete a disabled bearer token.</source>
        <translation>删除已禁用的 Bearer Token。</translation>
    </message>
    <message>
        <source>--listen takes ADDRESS:PORT, such as 127.0.0.1:8080 or [::1]:8443</source>
        <translation>--listen 需要 地址:端口，例如 127.0.0.1:8080 或 [::1]:8443</translation>
    </message>
    <message>
        <source>Run the SCIM server without a window until SIGTERM or SIGINT.</source>
        <translation>以无窗口方式运行 SCIM 服务器，直到收到 SIGTERM 或 SIGINT。</translation>
    </message>
    <message>
        <source>Address and port (default 127.0.0.1:8080).</source>
        <translation>地址和端口（默认 127.0.0.1:8080）。</translation>
    </message>
    <message>
        <source>address:port</source>
        <translation>地址:端口</translation>
    </message>
    <message>
        <source>PEM certificate (chain) for HTTPS.</source>
        <translation>用于 HTTPS 的 PEM 证书（链）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>PEM private key for HTTPS.</source>
        <translation>用于 HTTPS 的 PEM 私钥。</translation>
    </message>
    <message>
        <source>Allow plain HTTP on an address other machines can reach.</source>
        <translation>允许在其他机器可访问的地址上使用明文 HTTP。</translation>
    </message>
    <message>
        <source>give either --tls-self-signed or --tls-cert/--tls-key</source>
        <translation>请指定 --tls-self-signed 或 --tls-cert/--tls-key 之一</translation>
    </message>
    <message>
        <source>TLS certificate %1
SHA-256 fingerprint: %2</source>
        <translation>TLS 证书 %1
SHA-256 指纹：%2</translation>
    </message>
    <message>
        <source>HTTPS with a self-signed certificate that the console makes once and keeps; its fingerprint is shown.</source>
        <translation>使用控制台生成并保存的自签名证书提供 HTTPS；会显示其指纹。</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>操作已取消。</translation>
    </message>
    <message>
        <source>No app secret is stored for the profile &quot;%1&quot;: run `scim-console ram profile set --name %1 --secret-stdin`.</source>
        <translation>配置“%1”尚未保存应用密钥：请运行 `scim-console ram profile set --name %1 --secret-stdin`。</translation>
    </message>
    <message>
        <source>give either --site or --token-url and --scim-url</source>
        <translation>请指定 --site，或同时指定 --token-url 和 --scim-url</translation>
    </message>
    <message>
        <source>custom endpoints need both --token-url and --scim-url</source>
        <translation>自定义端点需要同时指定 --token-url 和 --scim-url</translation>
    </message>
    <message>
        <source>give either --app or --org/--group as the source</source>
        <translation>请指定 --app 或 --org/--group 之一作为来源</translation>
    </message>
    <message>
        <source>--concurrency takes a whole number</source>
        <translation>--concurrency 需要整数</translation>
    </message>
    <message>
        <source>give one of --secret-stdin, --secret-env and --secret-file</source>
        <translation>请只指定 --secret-stdin、--secret-env 和 --secret-file 中的一个</translation>
    </message>
    <message>
        <source>--secret-stdin read no secret from standard input</source>
        <translation>--secret-stdin 未从标准输入读到密钥</translation>
    </message>
    <message>
        <source>The app secret is in the OS keychain.</source>
        <translation>应用密钥已保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>No app secret yet: give it with --secret-stdin (kept in the OS keychain).</source>
        <translation>尚无应用密钥：请用 --secret-stdin 提供（将保存在系统钥匙串中）。</translation>
    </message>
    <message>
        <source>The app secret is read from %1 when needed; the console does not keep it.</source>
        <translation>需要时从 %1 读取应用密钥；控制台不保存它。</translation>
    </message>
    <message>
        <source>Saved RAM profile %1 (%2 → %3).</source>
        <translation>已保存 RAM 配置 %1（%2 → %3）。</translation>
    </message>
    <message>
        <source>No RAM profiles yet: add one with `scim-console ram profile set`.</source>
        <translation>尚无 RAM 配置：请用 `scim-console ram profile set` 添加。</translation>
    </message>
    <message>
        <source>Deleted RAM profile %1 and its secret.</source>
        <translation>已删除 RAM 配置 %1 及其密钥。</translation>
    </message>
    <message>
        <source>ok      %1</source>
        <translation>成功    %1</translation>
    </message>
    <message>
        <source>FAILED  %1: %2</source>
        <translation>失败    %1：%2</translation>
    </message>
    <message>
        <source>OAuth token</source>
        <translation>OAuth 令牌</translation>
    </message>
    <message>
        <source>reading RAM users: %1 of %2</source>
        <translation>正在读取 RAM 用户：%1 / %2</translation>
    </message>
    <message>
        <source>pushing: %1 of %2, %3/s, %4 s left   </source>
        <translation>正在推送：%1 / %2，%3 个/秒，剩余 %4 秒   </translation>
    </message>
    <message>
        <source>%1 linked, %2 only in RAM, %3 only in the directory.
</source>
        <translation>%1 个已关联，%2 个仅在 RAM 中，%3 个仅在目录中。
</translation>
    </message>
    <message>
        <source>  only in RAM:       %1 (%2)
</source>
        <translation>  仅在 RAM 中：  %1（%2）
</translation>
    </message>
    <message>
        <source>  only in directory: %1
</source>
        <translation>  仅在目录中：  %1
</translation>
    </message>
    <message>
        <source>%1 to create, %2 to update, %3 to delete, %4 unchanged, %5 conflicts.</source>
        <translation>待创建 %1 个，待更新 %2 个，待删除 %3 个，未变化 %4 个，冲突 %5 个。</translation>
    </message>
    <message>
        <source>  FAILED %1 %2: %3
</source>
        <translation>  失败 %1 %2：%3
</translation>
    </message>
    <message>
        <source>  not sent (conflict) %1: %2
</source>
        <translation>  未发送（冲突）%1：%2
</translation>
    </message>
    <message>
        <source>Pushed: %1 created, %2 updated, %3 deleted, %4 failed, %5 conflicts; %6 retries; %7 ms.%8</source>
        <translation>推送完成：创建 %1 个，更新 %2 个，删除 %3 个，失败 %4 个，冲突 %5 个；重试 %6 次；用时 %7 毫秒。%8</translation>
    </message>
    <message>
        <source> Cancelled: %1 not sent.</source>
        <translation> 已取消：%1 个未发送。</translation>
    </message>
    <message>
        <source>The profile&apos;s name.</source>
        <translation>配置名称。</translation>
    </message>
    <message>
        <source>Add or change a RAM push profile.</source>
        <translation>添加或修改 RAM 推送配置。</translation>
    </message>
    <message>
        <source>client_id of the OAuth server application.</source>
        <translation>OAuth 服务端应用的 client_id。</translation>
    </message>
    <message>
        <source>cn (default) or intl.</source>
        <translation>cn（默认，中国站）或 intl（国际站）。</translation>
    </message>
    <message>
        <source>site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Custom OAuth token URL.</source>
        <translation>自定义 OAuth 令牌 URL。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Custom SCIM URL.</source>
        <translation>自定义 SCIM URL。</translation>
    </message>
    <message>
        <source>Push the accounts of this application&apos;s scope.</source>
        <translation>推送此应用同步范围内的账户。</translation>
    </message>
    <message>
        <source>Push the accounts of this organization and its subtree (repeatable).</source>
        <translation>推送此组织及其下级的账户（可重复）。</translation>
    </message>
    <message>
        <source>Push the members of this group (repeatable).</source>
        <translation>推送此组的成员（可重复）。</translation>
    </message>
    <message>
        <source>Read the app secret from standard input and keep it in the OS keychain.</source>
        <translation>从标准输入读取应用密钥并保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Read the app secret from this environment variable when needed (servers).</source>
        <translation>需要时从此环境变量读取应用密钥（用于服务器）。</translation>
    </message>
    <message>
        <source>Read the app secret from this file of mode 0600 when needed (servers).</source>
        <translation>需要时从此权限为 0600 的文件读取应用密钥（用于服务器）。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>local-part (default: before &quot;@&quot;, lower-cased) or as-is.</source>
        <translation>local-part（默认：取“@”之前的部分并转为小写）或 as-is（原样）。</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>What a disabled account becomes in RAM: delete (default) or keep.</source>
        <translation>已禁用账户在 RAM 中的处理：delete（默认，删除）或 keep（保留）。</translation>
    </message>
    <message>
        <source>action</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Requests at once (default 4).</source>
        <translation>同时进行的请求数（默认 4）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>List the RAM profiles.</source>
        <translation>列出 RAM 配置。</translation>
    </message>
    <message>
        <source>Delete a RAM profile and its secret.</source>
        <translation>删除 RAM 配置及其密钥。</translation>
    </message>
    <message>
        <source>Test a profile: token, /ResourceTypes, /Schemas.</source>
        <translation>测试配置：令牌、/ResourceTypes、/Schemas。</translation>
    </message>
    <message>
        <source>Read every RAM user and link them to directory accounts.</source>
        <translation>读取所有 RAM 用户并与目录账户关联。</translation>
    </message>
    <message>
        <source>Push the profile&apos;s accounts to RAM.</source>
        <translation>将配置的账户推送到 RAM。</translation>
    </message>
    <message>
        <source>Only show the plan: create, update, delete, unchanged, conflicts.</source>
        <translation>只显示计划：创建、更新、删除、未变化、冲突。</translation>
    </message>
    <message>
        <source>Take over RAM users of the same name that have another or no externalId.</source>
        <translation>接管同名但 externalId 不同或为空的 RAM 用户。</translation>
    </message>
    <message>
        <source>%1 is not a RAM-only user of this profile.</source>
        <translation>%1 不是此配置中仅存在于 RAM 的用户。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n RAM user(s) into the directory; the next push links them.</source>
        <translation>
            <numerusform>已将 %n 个 RAM 用户导入目录；下次推送时会关联它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import RAM-only users into a directory organization.</source>
        <translation>将仅存在于 RAM 的用户导入目录中的组织。</translation>
    </message>
    <message>
        <source>The organization the new accounts go to.</source>
        <translation>新账户所属的组织。</translation>
    </message>
    <message>
        <source>Only this RAM user (repeatable; default: every RAM-only user).</source>
        <translation>只导入此 RAM 用户（可重复；默认：所有仅存在于 RAM 的用户）。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Internal error: the database connection %1 is open twice.</source>
        <translation>内部错误：数据库连接 %1 被打开了两次。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>无法为数据库创建目录 %1。</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (Debian package libqt6sql6-psql).</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（Debian 软件包 libqt6sql6-psql）。</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>The change was rolled back because part of it failed.</source>
        <translation>由于部分操作失败，本次更改已回滚。</translation>
    </message>
    <message>
        <source>The value is already taken.</source>
        <translation>该值已被占用。</translation>
    </message>
    <message>
        <source>The database reported an error: %1</source>
        <translation>数据库报告错误：%1</translation>
    </message>
    <message>
        <source>The database was written by a newer version of SCIM Console (schema %1; this version knows up to %2).</source>
        <translation>该数据库由更新版本的 SCIM Console 写入（架构版本 %1；本版本最高支持 %2）。</translation>
    </message>
    <message>
        <source>Cannot prepare the SQLite database connection.</source>
        <translation>无法准备 SQLite 数据库连接。</translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <source>The database location is empty.</source>
        <translation>数据库位置为空。</translation>
    </message>
    <message>
        <source>Unsupported database URL: use a SQLite file path or postgresql://…</source>
        <translation>不支持的数据库 URL：请使用 SQLite 文件路径或 postgresql://…</translation>
    </message>
    <message>
        <source>Invalid PostgreSQL URL: expected postgresql://user:password@host:port/database.</source>
        <translation>无效的 PostgreSQL URL：应为 postgresql://用户:密码@主机:端口/数据库。</translation>
    </message>
</context>
<context>
    <name>ExtensionField</name>
    <message>
        <source>&quot;%1&quot; is not a valid field name: use 1 to %2 lowercase letters and &quot;_&quot;, not starting with &quot;_&quot;.</source>
        <translation>“%1”不是有效的字段名：请使用 1 至 %2 个小写字母和“_”，且不能以“_”开头。</translation>
    </message>
    <message>
        <source>A display name has at most %1 characters.</source>
        <translation>显示名称最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Unknown field type &quot;%1&quot;: use string, number or boolean.</source>
        <translation>未知的字段类型“%1”：请使用 string、number 或 boolean。</translation>
    </message>
    <message>
        <source>The value for extension field &quot;%1&quot; must be a %2.</source>
        <translation>扩展字段“%1”的值必须是 %2 类型。</translation>
    </message>
</context>
<context>
    <name>ExtensionFieldStore</name>
    <message>
        <source>An extension field named &quot;%1&quot; already exists.</source>
        <translation>名为“%1”的扩展字段已存在。</translation>
    </message>
    <message>
        <source>There is no extension field named &quot;%1&quot;.</source>
        <translation>不存在名为“%1”的扩展字段。</translation>
    </message>
</context>
<context>
    <name>FieldMapping</name>
    <message>
        <source>&quot;%1&quot; is not a valid extension name: use a letter followed by up to 63 letters, digits, &quot;_&quot; or &quot;-&quot;.</source>
        <translation>“%1”不是有效的扩展名称：请以字母开头，后跟最多 63 个字母、数字、“_”或“-”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid namespace. Use the URN your identity provider sends, for example %2.</source>
        <translation>“%1”不是有效的 Namespace。请使用身份提供方发送的 URN，例如 %2。</translation>
    </message>
    <message>
        <source>%1 is a standard SCIM schema whose attributes sync as basic fields; choose the custom namespace your identity provider sends.</source>
        <translation>%1 是标准 SCIM 架构，其属性作为基础字段同步；请选择身份提供方发送的自定义 Namespace。</translation>
    </message>
    <message>
        <source>There is no extension field named &quot;%1&quot;. Define it in the directory first.</source>
        <translation>不存在名为“%1”的扩展字段。请先在目录中定义它。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is chosen twice.</source>
        <translation>字段“%1”被选择了两次。</translation>
    </message>
</context>
<context>
    <name>Group</name>
    <message>
        <source>A group needs a displayName.</source>
        <translation>组必须有 displayName。</translation>
    </message>
    <message>
        <source>A group displayName has at most %1 characters.</source>
        <translation>组的 displayName 最多 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>GroupStore</name>
    <message>
        <source>There is no group with id %1.</source>
        <translation>不存在 ID 为 %1 的组。</translation>
    </message>
    <message>
        <source>The member %1 is not a user of this directory: group members must be users.</source>
        <translation>成员 %1 不是本目录中的用户：组成员只能是用户。</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>The keychain holds no secret for %1.</source>
        <translation>钥匙串中没有 %1 的密钥。</translation>
    </message>
    <message>
        <source>The OS keychain is not available (%1). On a server without a Secret Service, let the profile read its secret from an environment variable or a file of mode 0600.</source>
        <translation>系统钥匙串不可用（%1）。在没有 Secret Service 的服务器上，请让配置从环境变量或权限为 0600 的文件读取密钥。</translation>
    </message>
    <message>
        <source>The OS keychain refused: %1</source>
        <translation>系统钥匙串拒绝了请求：%1</translation>
    </message>
</context>
<context>
    <name>Organization</name>
    <message>
        <source>An organization needs a name.</source>
        <translation>组织必须有名称。</translation>
    </message>
    <message>
        <source>An organization name has at most %1 characters.</source>
        <translation>组织名称最多 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>OrganizationStore</name>
    <message>
        <source>An organization named &quot;%1&quot; already exists there.</source>
        <translation>该位置已存在名为“%1”的组织。</translation>
    </message>
    <message>
        <source>There is no organization with id %1.</source>
        <translation>不存在 ID 为 %1 的组织。</translation>
    </message>
    <message>
        <source>The directory has no root organization.</source>
        <translation>目录中没有根组织。</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message numerus="yes">
        <source>The password is too short: at least %n character(s).</source>
        <translation>
            <numerusform>密码太短：至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password is too long: at most %n character(s).</source>
        <translation>
            <numerusform>密码太长：最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The password needs a lowercase letter.</source>
        <translation>密码需要包含小写字母。</translation>
    </message>
    <message>
        <source>The password needs an uppercase letter.</source>
        <translation>密码需要包含大写字母。</translation>
    </message>
    <message>
        <source>The password needs a digit.</source>
        <translation>密码需要包含数字。</translation>
    </message>
    <message>
        <source>The password needs a symbol.</source>
        <translation>密码需要包含符号。</translation>
    </message>
    <message>
        <source>The minimum password length must be between 1 and %1.</source>
        <translation>密码最小长度必须在 1 到 %1 之间。</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>&quot;%1&quot; is not a country calling code (phoneRegion is a code such as 86 or 1).</source>
        <translation>“%1”不是国家/地区电话区号（phoneRegion 应为 86 或 1 这样的区号）。</translation>
    </message>
    <message>
        <source>The phone number &quot;%1&quot; has no digits.</source>
        <translation>电话号码“%1”不含数字。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number.</source>
        <translation>“%1”不是电话号码。</translation>
    </message>
    <message>
        <source>The phone number &quot;%1&quot; has the country code +%2, but phoneRegion is %3.</source>
        <translation>电话号码“%1”的国家区号为 +%2，但 phoneRegion 为 %3。</translation>
    </message>
    <message>
        <source>The phone number &quot;%1&quot; has a country code; write it with a leading &quot;+&quot;, for example +%2 %3.</source>
        <translation>电话号码“%1”带有国家区号；请以“+”开头书写，例如 +%2 %3。</translation>
    </message>
</context>
<context>
    <name>PushPlan</name>
    <message>
        <source>disabled in the directory; RAM has no soft delete</source>
        <translation>目录中已禁用；RAM 不支持软删除</translation>
    </message>
    <message>
        <source>disabled in the directory; left as it is in RAM</source>
        <translation>目录中已禁用；在 RAM 中保持不变</translation>
    </message>
    <message>
        <source>disabled in the directory; not in RAM</source>
        <translation>目录中已禁用；不在 RAM 中</translation>
    </message>
    <message>
        <source>maps to the RAM userName &quot;%1&quot;, as &quot;%2&quot; does</source>
        <translation>映射到的 RAM userName“%1”与“%2”相同</translation>
    </message>
    <message>
        <source>the RAM userName &quot;%1&quot; is held by another RAM user (%2)</source>
        <translation>RAM userName“%1”已被另一个 RAM 用户（%2）占用</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>已变化：%1</translation>
    </message>
    <message>
        <source>adopts the RAM user of the same name</source>
        <translation>接管同名的 RAM 用户</translation>
    </message>
    <message>
        <source>RAM already has &quot;%1&quot;, made outside this console (no externalId); adopt it to link it</source>
        <translation>RAM 中已有在本控制台之外创建的“%1”（无 externalId）；接管后即可关联</translation>
    </message>
    <message>
        <source>RAM already has &quot;%1&quot; for another account (externalId %2)</source>
        <translation>RAM 中已有属于其他账户的“%1”（externalId %2）</translation>
    </message>
    <message>
        <source>not in RAM yet</source>
        <translation>尚不在 RAM 中</translation>
    </message>
    <message>
        <source>its account left the source</source>
        <translation>其账户已不在来源中</translation>
    </message>
</context>
<context>
    <name>RamImport</name>
    <message>
        <source>The directory already has the userName &quot;%1&quot;; nothing was imported.</source>
        <translation>目录中已有 userName“%1”；未导入任何用户。</translation>
    </message>
</context>
<context>
    <name>RamProfile</name>
    <message>
        <source>Unknown site &quot;%1&quot;: use cn, intl or custom.</source>
        <translation>未知的站点“%1”：请使用 cn、intl 或 custom。</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot; for disabled accounts: use delete or keep.</source>
        <translation>未知的已禁用账户处理方式“%1”：请使用 delete 或 keep。</translation>
    </message>
    <message>
        <source>A profile needs a name of 1 to %1 characters.</source>
        <translation>配置名称须为 1 至 %1 个字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL.</source>
        <translation>“%1”不是 http(s) URL。</translation>
    </message>
    <message>
        <source>A profile needs the client_id of the OAuth application.</source>
        <translation>配置需要 OAuth 应用的 client_id。</translation>
    </message>
    <message>
        <source>The secret comes from the keychain, env:VARIABLE or file:/absolute/path, not &quot;%1&quot;.</source>
        <translation>密钥来源应为 keychain、env:变量名 或 file:/绝对路径，而不是“%1”。</translation>
    </message>
    <message>
        <source>Unknown userName rule &quot;%1&quot;: use local-part or as-is.</source>
        <translation>未知的 userName 规则“%1”：请使用 local-part 或 as-is。</translation>
    </message>
    <message>
        <source>Between 1 and %1 requests can run at once.</source>
        <translation>同时进行的请求数须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>The source is either one application&apos;s scope or chosen organizations and groups, not both.</source>
        <translation>来源只能是某个应用的同步范围，或所选的组织和组，不能两者兼有。</translation>
    </message>
</context>
<context>
    <name>RamProfileStore</name>
    <message>
        <source>There is no RAM profile with id %1.</source>
        <translation>不存在 ID 为 %1 的 RAM 配置。</translation>
    </message>
    <message>
        <source>There is no RAM profile named &quot;%1&quot;.</source>
        <translation>不存在名为“%1”的 RAM 配置。</translation>
    </message>
</context>
<context>
    <name>RamSource</name>
    <message>
        <source>The profile &quot;%1&quot; has no source: choose an application or organizations and groups.</source>
        <translation>配置“%1”没有来源：请选择一个应用，或组织和组。</translation>
    </message>
</context>
<context>
    <name>RamUserName</name>
    <message>
        <source>&quot;%1&quot; gives an empty RAM userName.</source>
        <translation>“%1”得到的 RAM userName 为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is longer than the %2 characters of a RAM userName.</source>
        <translation>“%1”超过了 RAM userName 的 %2 个字符上限。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has characters a RAM userName cannot hold (letters, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot; only).</source>
        <translation>“%1”包含 RAM userName 不允许的字符（只能使用字母、数字、“.”、“_”和“-”）。</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Core::RamClient</name>
    <message>
        <source>The RAM client was closed.</source>
        <translation>RAM 客户端已关闭。</translation>
    </message>
    <message>
        <source>RAM answered HTTP %1.</source>
        <translation>RAM 返回了 HTTP %1。</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>无法访问 %1：%2</translation>
    </message>
    <message>
        <source>The token request failed (HTTP %1): %2</source>
        <translation>令牌请求失败（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>no access_token in the answer</source>
        <translation>应答中没有 access_token</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Core::RamPullJob</name>
    <message>
        <source>Listing RAM users failed: %1</source>
        <translation>列出 RAM 用户失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n user(s).</source>
        <translation>
            <numerusform>已读取 %n 个用户后取消。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Core::ScimServer</name>
    <message>
        <source>TLS needs both a certificate and a key.</source>
        <translation>TLS 需要同时提供证书和私钥。</translation>
    </message>
    <message>
        <source>%1 is reachable from other machines: bearer tokens must not cross the network in clear. Give a TLS certificate and key, or allow plain HTTP explicitly.</source>
        <translation>%1 可被其他机器访问：Bearer Token 不能以明文在网络上传输。请提供 TLS 证书和私钥，或明确允许明文 HTTP。</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate %1.</source>
        <translation>无法读取 TLS 证书 %1。</translation>
    </message>
    <message>
        <source>Cannot read the TLS key %1.</source>
        <translation>无法读取 TLS 私钥 %1。</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA or EC).</source>
        <translation>%1 中没有 PEM 私钥（RSA 或 EC）。</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>无法在 %1 的端口 %2 上监听：%3</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::MainWindow</name>
    <message>
        <source>SCIM Console</source>
        <translation>SCIM 控制台</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>存储：%1</translation>
    </message>
    <message>
        <source>SCIM server: starting…</source>
        <translation>SCIM 服务器：正在启动…</translation>
    </message>
    <message>
        <source>SCIM server: listening on %1 — application endpoints are %1/scim/v2/apps/&lt;id&gt;</source>
        <translation>SCIM 服务器：正在监听 %1 —— 应用端点为 %1/scim/v2/apps/&lt;id&gt;</translation>
    </message>
    <message>
        <source>SCIM server: not running — %1</source>
        <translation>SCIM 服务器：未运行 —— %1</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::SyncEventModel</name>
    <message>
        <source>in</source>
        <translation>入站</translation>
    </message>
    <message>
        <source>out</source>
        <translation>出站</translation>
    </message>
    <message>
        <source>job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Application / profile</source>
        <translation>应用 / 配置</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>SecretSource</name>
    <message>
        <source>The environment variable %1 holds no secret.</source>
        <translation>环境变量 %1 中没有密钥。</translation>
    </message>
    <message>
        <source>The secret file %1 does not exist.</source>
        <translation>密钥文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The secret file %1 may be read by others: make it mode 0600 (chmod 600).</source>
        <translation>密钥文件 %1 可被他人读取：请将其权限设为 0600（chmod 600）。</translation>
    </message>
    <message>
        <source>Cannot read the secret file %1.</source>
        <translation>无法读取密钥文件 %1。</translation>
    </message>
    <message>
        <source>The secret file %1 is empty.</source>
        <translation>密钥文件 %1 为空。</translation>
    </message>
    <message>
        <source>Unknown secret source &quot;%1&quot;.</source>
        <translation>未知的密钥来源“%1”。</translation>
    </message>
</context>
<context>
    <name>SelfSignedCertificate</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建目录 %1。</translation>
    </message>
    <message>
        <source>Cannot make a TLS certificate: the openssl tool is not installed.</source>
        <translation>无法生成 TLS 证书：未安装 openssl 工具。</translation>
    </message>
    <message>
        <source>Cannot make a TLS certificate: %1</source>
        <translation>无法生成 TLS 证书：%1</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate %1.</source>
        <translation>无法读取 TLS 证书 %1。</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 中没有 PEM 证书。</translation>
    </message>
</context>
<context>
    <name>SyncScope</name>
    <message>
        <source>There is no organization with id %1.</source>
        <translation>不存在 ID 为 %1 的组织。</translation>
    </message>
    <message>
        <source>There is no group with id %1.</source>
        <translation>不存在 ID 为 %1 的组。</translation>
    </message>
    <message>
        <source>The sync target &quot;%1&quot; is outside the application&apos;s sync scope: choose an organization inside the scope, or add it to the scope first.</source>
        <translation>同步目标“%1”不在应用的同步范围内：请选择范围内的组织，或先将其加入同步范围。</translation>
    </message>
</context>
<context>
    <name>TokenPolicy</name>
    <message>
        <source>A token is valid for 1 day to 3 years (%1 days from today); %2 days is outside that range.</source>
        <translation>令牌有效期为 1 天至 3 年（从今天起 %1 天）；%2 天超出此范围。</translation>
    </message>
    <message>
        <source>An application has at most %1 bearer tokens. Disable and delete one before adding another.</source>
        <translation>每个应用最多有 %1 个 Bearer Token。请先禁用并删除一个，再添加新的。</translation>
    </message>
    <message>
        <source>At least one bearer token must stay enabled. Add and enable another token before disabling this one.</source>
        <translation>必须至少保持一个 Bearer Token 处于启用状态。请先添加并启用另一个令牌，再禁用此令牌。</translation>
    </message>
    <message>
        <source>An enabled bearer token cannot be deleted. Disable it first.</source>
        <translation>不能删除已启用的 Bearer Token。请先将其禁用。</translation>
    </message>
    <message>
        <source>This application has no bearer token with id %1.</source>
        <translation>该应用没有 ID 为 %1 的 Bearer Token。</translation>
    </message>
    <message>
        <source>The bearer token is disabled.</source>
        <translation>Bearer Token 已被禁用。</translation>
    </message>
    <message>
        <source>The bearer token has expired.</source>
        <translation>Bearer Token 已过期。</translation>
    </message>
    <message>
        <source>The bearer token is not valid.</source>
        <translation>Bearer Token 无效。</translation>
    </message>
</context>
<context>
    <name>UserFields</name>
    <message>
        <source>userName is required and cannot be empty.</source>
        <translation>userName 为必填项，不能为空。</translation>
    </message>
    <message>
        <source>userName has at most %1 characters.</source>
        <translation>userName 最多 %1 个字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>“%1”不是电子邮件地址。</translation>
    </message>
    <message>
        <source>active must be true or false.</source>
        <translation>active 必须为 true 或 false。</translation>
    </message>
    <message>
        <source>%1 of type &quot;%2&quot; is not supported: only one value of type &quot;work&quot; is synced. Map only %1[type eq &quot;work&quot;].value in your identity provider, or set this application to ignore unsupported types.</source>
        <translation>不支持类型为“%2”的 %1：只同步一个类型为“work”的值。请在身份提供方中只映射 %1[type eq &quot;work&quot;].value，或将此应用设置为忽略不支持的类型。</translation>
    </message>
    <message>
        <source>Ignored %1 of type &quot;%2&quot;.</source>
        <translation>已忽略类型为“%2”的 %1。</translation>
    </message>
    <message>
        <source>%1 has %2 work values, but only one is synced. Send a single %1[type eq &quot;work&quot;] value, or set this application to ignore unsupported types.</source>
        <translation>%1 有 %2 个 work 类型的值，但只同步一个。请只发送一个 %1[type eq &quot;work&quot;] 值，或将此应用设置为忽略不支持的类型。</translation>
    </message>
    <message>
        <source>Ignored a second work value of %1.</source>
        <translation>已忽略 %1 的第二个 work 值。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>SCIM Console</source>
        <translation>SCIM 控制台</translation>
    </message>
    <message>
        <source>The store to open.</source>
        <translation>要打开的数据存储。</translation>
    </message>
    <message>
        <source>location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Where the SCIM server listens (default 127.0.0.1:8080).</source>
        <translation>SCIM 服务器的监听地址（默认 127.0.0.1:8080）。</translation>
    </message>
    <message>
        <source>address:port</source>
        <translation>地址:端口</translation>
    </message>
</context>
</TS>
