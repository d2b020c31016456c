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
    <message>
        <source>Application suspended from %1: every SCIM call is refused with 403.</source>
        <translation>已从%1暂停应用：所有 SCIM 调用均以 403 拒绝。</translation>
    </message>
    <message>
        <source>Application resumed from %1: SCIM calls are served again.</source>
        <translation>已从%1恢复应用：SCIM 调用重新得到处理。</translation>
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
Exit codes: 0 done, 1 refused by a rule or not found, 2 usage error, 3 store error, 4 RAM unreachable, 130 cancelled.
</source>
        <translation>
每条命令都接受 --db 位置 和 --json；`scim-console &lt;命令&gt; --help` 列出其选项。
退出码：0 完成，1 被规则拒绝或未找到，2 用法错误，3 存储错误，4 无法连接 RAM，130 已取消。
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
        <source>reading RAM users: %1 of %2</source>
        <translation>正在读取 RAM 用户：%1 / %2</translation>
    </message>
    <message>
        <source>pushing: %1 of %2, %3/s, %4 s left</source>
        <translation>正在推送：%1 / %2，%3 个/秒，剩余 %4 秒</translation>
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
    <message>
        <source>give one of --enable, --disable or --allow SCENARIO</source>
        <translation>请指定 --enable、--disable 或 --allow SCENARIO 之一</translation>
    </message>
    <message>
        <source>--allow takes users:read, users:write, groups:read or groups:write, not &quot;%1&quot;</source>
        <translation>--allow 的取值为 users:read、users:write、groups:read 或 groups:write，而不是“%1”</translation>
    </message>
    <message>
        <source>SCIM API permission enabled for the chosen scenarios.</source>
        <translation>已为所选功能场景开放 SCIM API 接口权限。</translation>
    </message>
    <message>
        <source>Renamed.</source>
        <translation>已重命名。</translation>
    </message>
    <message>
        <source>Application %1 deleted; its bearer tokens no longer work.</source>
        <translation>已删除应用 %1；其 Bearer Token 不再有效。</translation>
    </message>
    <message>
        <source>Set the SCIM API permission: all scenarios, none, or some.</source>
        <translation>设置 SCIM API 接口权限：全部场景、全部关闭或部分场景。</translation>
    </message>
    <message>
        <source>Allow only this scenario: users:read, users:write, groups:read or groups:write (repeatable).</source>
        <translation>只开放此功能场景：users:read、users:write、groups:read 或 groups:write（可重复）。</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Rename an application.</source>
        <translation>重命名应用。</translation>
    </message>
    <message>
        <source>The new name.</source>
        <translation>新名称。</translation>
    </message>
    <message>
        <source>Delete an application and its bearer tokens (the directory stays).</source>
        <translation>删除应用及其 Bearer Token（目录数据保留）。</translation>
    </message>
    <message>
        <source>The store already holds applications: the demo fills only an empty store.</source>
        <translation>存储中已有应用：演示数据只会填充空的存储。</translation>
    </message>
    <message numerus="yes">
        <source>Filled the store with a demo directory: %n account(s) in %1 organizations, with groups, applications, tokens and a day of sync log.</source>
        <translation>
            <numerusform>已为存储填充演示目录：%1 个组织中的 %n 个账户，以及组、应用、令牌和一天的同步日志。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fill an empty store with a believable demo directory, for trying the console.</source>
        <translation>为空的存储填充一套逼真的演示目录，用于试用控制台。</translation>
    </message>
    <message>
        <source>How many accounts (default %1).</source>
        <translation>账户数量（默认 %1）。</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>The organization&apos;s id.</source>
        <translation>组织的 ID。</translation>
    </message>
    <message>
        <source>Renamed organization %1 (%2)</source>
        <translation>已重命名组织 %1（%2）</translation>
    </message>
    <message>
        <source>Moved organization to %1 (%2)</source>
        <translation>已将组织移动到 %1（%2）</translation>
    </message>
    <message>
        <source>Organization %1 deleted.</source>
        <translation>已删除组织 %1。</translation>
    </message>
    <message>
        <source>Extension field %1 is now shown as &quot;%2&quot;.</source>
        <translation>扩展字段 %1 现显示为“%2”。</translation>
    </message>
    <message numerus="yes">
        <source>Extension field %1 deleted, with the values of %n account(s).</source>
        <translation>
            <numerusform>已删除扩展字段 %1，以及 %n 个账户中的字段值。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename an organization.</source>
        <translation>重命名组织。</translation>
    </message>
    <message>
        <source>Move an organization, with everything below it, under another.</source>
        <translation>将组织及其所有下级移动到另一个组织下。</translation>
    </message>
    <message>
        <source>The new parent organization.</source>
        <translation>新的上级组织。</translation>
    </message>
    <message>
        <source>Delete an empty organization that no application&apos;s scope or target names.</source>
        <translation>删除一个空的、且未被任何应用的同步范围或同步目标引用的组织。</translation>
    </message>
    <message>
        <source>Change an extension field&apos;s display name (its name and type stay).</source>
        <translation>修改扩展字段的显示名称（名称和类型保持不变）。</translation>
    </message>
    <message>
        <source>The field&apos;s name.</source>
        <translation>字段名称。</translation>
    </message>
    <message>
        <source>Delete an extension field no application writes into, and its values.</source>
        <translation>删除未被任何应用写入的扩展字段及其值。</translation>
    </message>
    <message>
        <source>The group&apos;s id.</source>
        <translation>组的 ID。</translation>
    </message>
    <message>
        <source>Created group %1 (%2).</source>
        <translation>已创建组 %1（%2）。</translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  (%n member(s))
</source>
        <translation>
            <numerusform>%1  %2  （%n 个成员）
</numerusform>
        </translation>
    </message>
    <message>
        <source>No groups yet: create one with `scim-console group create --name NAME`.</source>
        <translation>还没有组：用 `scim-console group create --name NAME` 创建一个。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2), %n member(s)
</source>
        <translation>
            <numerusform>%1（%2），%n 个成员
</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed group %1 to %2.</source>
        <translation>已将组 %1 重命名为 %2。</translation>
    </message>
    <message>
        <source>Group %1 deleted; its members stay in the directory.</source>
        <translation>已删除组 %1；其成员仍保留在目录中。</translation>
    </message>
    <message>
        <source>Create a group, so that a sync scope can name it before the first sync.</source>
        <translation>创建组，以便在首次同步前就能在同步范围中选择它。</translation>
    </message>
    <message>
        <source>The group&apos;s display name.</source>
        <translation>组的显示名称。</translation>
    </message>
    <message>
        <source>List the groups.</source>
        <translation>列出组。</translation>
    </message>
    <message>
        <source>Show a group and its members.</source>
        <translation>显示组及其成员。</translation>
    </message>
    <message>
        <source>Rename a group.</source>
        <translation>重命名组。</translation>
    </message>
    <message>
        <source>The new display name.</source>
        <translation>新的显示名称。</translation>
    </message>
    <message>
        <source>Delete a group (its members stay).</source>
        <translation>删除组（成员保留）。</translation>
    </message>
    <message>
        <source>New bearer token %1, valid until %2:

  %3

Copy it now: it is shown only once. Give it to the SCIM client, then run
  scim-console token rotate --app %4 --finish
to disable and delete the old token %5… once the client uses the new one.</source>
        <translation>新的 Bearer Token %1，有效期至 %2：

  %3

请立即复制：它只显示这一次。将它配置到 SCIM 客户端后，运行
  scim-console token rotate --app %4 --finish
在客户端开始使用新令牌后禁用并删除旧令牌 %5…。</translation>
    </message>
    <message>
        <source>There is no new token to rotate to: start with `token rotate --days N`.</source>
        <translation>没有可轮换到的新令牌：请先运行 `token rotate --days N`。</translation>
    </message>
    <message>
        <source>The client has not called with the new token %1… yet: retiring the old one now would lock it out. Wait for its next sync, or add --force.</source>
        <translation>客户端尚未使用新令牌 %1… 发起调用：现在停用旧令牌会导致客户端无法访问。请等待其下一次同步，或加上 --force。</translation>
    </message>
    <message>
        <source>Rotation complete: %1… is the application&apos;s token; the old one is disabled and deleted.</source>
        <translation>轮换完成：%1… 是该应用的令牌；旧令牌已禁用并删除。</translation>
    </message>
    <message>
        <source>Rotate the bearer token: --days N adds the new one; --finish retires the old one.</source>
        <translation>轮换 Bearer Token：--days N 添加新令牌；--finish 停用旧令牌。</translation>
    </message>
    <message>
        <source>Validity of the new token: 1 day to 3 years.</source>
        <translation>新令牌的有效期：1 天到 3 年。</translation>
    </message>
    <message>
        <source>Disable and delete the old token once the client uses the new one.</source>
        <translation>在客户端使用新令牌后，禁用并删除旧令牌。</translation>
    </message>
    <message>
        <source>With --finish: even if the client has not called with the new token yet.</source>
        <translation>与 --finish 一起使用：即使客户端尚未使用新令牌也执行。</translation>
    </message>
    <message>
        <source>--filter: %1</source>
        <translation>--filter：%1</translation>
    </message>
    <message>
        <source>There is no organization with id %1.</source>
        <translation>不存在 ID 为 %1 的组织。</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 of %n account(s)</source>
        <translation>
            <numerusform>第 %1 到 %2 个，共 %n 个账户</numerusform>
        </translation>
    </message>
    <message>
        <source>give either --user ID or --user-name NAME</source>
        <translation>请指定 --user ID 或 --user-name NAME 之一</translation>
    </message>
    <message>
        <source>%1 (%2)
  display name:  %3
  email:         %4
  phone:         %5
  external id:   %6
  status:        %7
  organization:  %8
  groups:        %9</source>
        <translation>%1（%2）
  显示名称：  %3
  邮箱：      %4
  手机号：    %5
  外部 ID：   %6
  状态：      %7
  组织：      %8
  组：        %9</translation>
    </message>
    <message>
        <source>List accounts by userName, a page at a time.</source>
        <translation>按用户名分页列出账户。</translation>
    </message>
    <message>
        <source>A SCIM filter, e.g. &apos;userName sw &quot;ana&quot; and active eq true&apos;.</source>
        <translation>SCIM 过滤条件，例如 &apos;userName sw &quot;ana&quot; and active eq true&apos;。</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>过滤条件</translation>
    </message>
    <message>
        <source>Only accounts in this organization or below it.</source>
        <translation>只列出此组织及其下级中的账户。</translation>
    </message>
    <message>
        <source>Skip this many accounts.</source>
        <translation>跳过的账户数。</translation>
    </message>
    <message>
        <source>At most this many accounts (default %1).</source>
        <translation>最多列出的账户数（默认 %1）。</translation>
    </message>
    <message>
        <source>Show an account with every synced field, its groups and extension values.</source>
        <translation>显示账户的所有同步字段、所属组和扩展字段值。</translation>
    </message>
    <message>
        <source>The account&apos;s id.</source>
        <translation>账户的 ID。</translation>
    </message>
    <message>
        <source>The account&apos;s userName.</source>
        <translation>账户的用户名（userName）。</translation>
    </message>
    <message>
        <source>--status takes 2xx, 4xx or 5xx</source>
        <translation>--status 的取值为 2xx、4xx 或 5xx</translation>
    </message>
    <message>
        <source>--since takes a time (2026-12-01T08:00:00Z, 2026-12-01) or an age (30m, 2h, 7d)</source>
        <translation>--since 的取值为时间（2026-12-01T08:00:00Z、2026-12-01）或时长（30m、2h、7d）</translation>
    </message>
    <message>
        <source>There is no application with id %1.</source>
        <translation>不存在 ID 为 %1 的应用。</translation>
    </message>
    <message>
        <source>No calls in the sync log match.</source>
        <translation>同步日志中没有符合条件的调用。</translation>
    </message>
    <message>
        <source>The sync log keeps %1 days, at most %2 events; the serving instance prunes it hourly.</source>
        <translation>同步日志保留 %1 天，最多 %2 条事件；提供服务的实例每小时清理一次。</translation>
    </message>
    <message>
        <source>Show or set how long the sync log keeps events.</source>
        <translation>显示或设置同步日志的保留期限。</translation>
    </message>
    <message>
        <source>Keep this many days (1 to 3650, default %1).</source>
        <translation>保留天数（1 到 3650，默认 %1）。</translation>
    </message>
    <message>
        <source>Keep at most this many events (default %1).</source>
        <translation>最多保留的事件数（默认 %1）。</translation>
    </message>
    <message>
        <source>Show the sync log: the newest calls, or --follow them as they come.</source>
        <translation>显示同步日志：最新的调用，或用 --follow 持续跟随新调用。</translation>
    </message>
    <message>
        <source>Only this application&apos;s calls.</source>
        <translation>只显示此应用的调用。</translation>
    </message>
    <message>
        <source>Only 2xx, 4xx or 5xx answers.</source>
        <translation>只显示 2xx、4xx 或 5xx 响应。</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Only calls since a time (ISO 8601) or an age (30m, 2h, 7d).</source>
        <translation>只显示某个时间（ISO 8601）或时长（30m、2h、7d）以来的调用。</translation>
    </message>
    <message>
        <source>when</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>How many of the newest calls (default %1).</source>
        <translation>显示最新调用的条数（默认 %1）。</translation>
    </message>
    <message>
        <source>Keep printing new calls until Ctrl-C.</source>
        <translation>持续输出新调用，直到按下 Ctrl-C。</translation>
    </message>
    <message>
        <source>ok      %1: %2</source>
        <translation>成功    %1：%2</translation>
    </message>
    <message>
        <source>FAILED  %1: %2
        %3</source>
        <translation>失败    %1：%2
        %3</translation>
    </message>
    <message>
        <source>-       %1: not tried</source>
        <translation>-       %1：未尝试</translation>
    </message>
    <message>
        <source>--direction takes in or out</source>
        <translation>--direction 只接受 in 或 out</translation>
    </message>
    <message>
        <source>--until takes a time (2026-12-01T08:00:00Z, 2026-12-01) or an age (30m, 2h, 7d)</source>
        <translation>--until 接受一个时间（2026-12-01T08:00:00Z、2026-12-01）或时长（30m、2h、7d）</translation>
    </message>
    <message>
        <source>Only this RAM profile&apos;s calls.</source>
        <translation>只显示该 RAM 配置的调用。</translation>
    </message>
    <message>
        <source>Only inbound (in) or outbound (out) calls.</source>
        <translation>只显示入站（in）或出站（out）调用。</translation>
    </message>
    <message>
        <source>in|out</source>
        <translation>in|out</translation>
    </message>
    <message>
        <source>Only calls with this HTTP method.</source>
        <translation>只显示使用该 HTTP 方法的调用。</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Only calls before a time (ISO 8601) or an age (30m, 2h, 7d).</source>
        <translation>只显示某一时间（ISO 8601）或时长（30m、2h、7d）之前的调用。</translation>
    </message>
    <message>
        <source>Only the call with this request id.</source>
        <translation>只显示该请求 ID 的调用。</translation>
    </message>
    <message>
        <source>Only calls whose path, detail, scimType or profile contains this text.</source>
        <translation>只显示路径、详情、scimType 或配置中包含该文字的调用。</translation>
    </message>
    <message>
        <source>Bearer token %1 created, valid until %2.</source>
        <translation>已创建 Bearer 令牌 %1，有效期至 %2。</translation>
    </message>
    <message>
        <source>Client secret %1 created, valid until %2.</source>
        <translation>已创建客户端密钥 %1，有效期至 %2。</translation>
    </message>
    <message>
        <source>

  %1

Copy it now: it is shown only once and cannot be recovered.</source>
        <translation>

  %1

请立即复制：它只显示这一次，之后无法找回。</translation>
    </message>
    <message>
        <source>This application has no client secrets.</source>
        <translation>该应用没有客户端密钥。</translation>
    </message>
    <message>
        <source>Client secret %1 deleted.</source>
        <translation>已删除客户端密钥 %1。</translation>
    </message>
    <message>
        <source>Client secret %1 enabled.</source>
        <translation>已启用客户端密钥 %1。</translation>
    </message>
    <message>
        <source>Client secret %1 disabled.</source>
        <translation>已禁用客户端密钥 %1。</translation>
    </message>
    <message>
        <source>Client credentials %1.
  Client ID:       %2
  Token endpoint:  &lt;server&gt;%3
  Access tokens live %4 s.</source>
        <translation>客户端凭据：%1。
  Client ID：     %2
  令牌端点：     &lt;服务器&gt;%3
  访问令牌有效期 %4 秒。</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>The client secret&apos;s id (not the secret).</source>
        <translation>客户端密钥的 ID（不是密钥本身）。</translation>
    </message>
    <message>
        <source>How long access tokens live: 300 to 86400 seconds (default 3600).</source>
        <translation>访问令牌的有效期：300 至 86400 秒（默认 3600）。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Add an OAuth client secret; prints it once.</source>
        <translation>添加一个 OAuth 客户端密钥；只显示一次。</translation>
    </message>
    <message>
        <source>List an application&apos;s OAuth client secrets.</source>
        <translation>列出应用的 OAuth 客户端密钥。</translation>
    </message>
    <message>
        <source>Enable a client secret.</source>
        <translation>启用客户端密钥。</translation>
    </message>
    <message>
        <source>Disable a client secret (while client credentials are on, one must stay enabled); its access tokens stop at once.</source>
        <translation>禁用客户端密钥（客户端凭据开启时须至少保留一个已启用的密钥）；其访问令牌立即失效。</translation>
    </message>
    <message>
        <source>Delete a disabled client secret.</source>
        <translation>删除已禁用的客户端密钥。</translation>
    </message>
    <message>
        <source>Show the application&apos;s OAuth client id, token endpoint and access-token lifetime.</source>
        <translation>显示应用的 OAuth Client ID、令牌端点和访问令牌有效期。</translation>
    </message>
    <message>
        <source>Let SCIM clients obtain access tokens with the client id and a client secret.</source>
        <translation>允许 SCIM 客户端使用 Client ID 和客户端密钥获取访问令牌。</translation>
    </message>
    <message>
        <source>Switch client credentials off; every access token stops at once.</source>
        <translation>关闭客户端凭据；所有访问令牌立即失效。</translation>
    </message>
    <message>
        <source>%1 Default %2.</source>
        <translation>%1 默认值 %2。</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>%1 (%2)
  kind:              %3
  SCIM base path:    /scim/v2/apps/%2
  SCIM permission:   %4
  suspended:         %12
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
  已暂停：          %12
  重复处理：        %5
  不支持的类型：    %6
  同步范围：        %7 个组织，%8 个组
  同步目标：        %9
  Namespace：       %10
  映射字段：        %11</translation>
    </message>
    <message>
        <source>yes, since %1</source>
        <translation>是，自 %1 起</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>the command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Suspended: every SCIM call of this application is now refused with 403.</source>
        <translation>已暂停：该应用的所有 SCIM 调用现在均以 403 拒绝。</translation>
    </message>
    <message>
        <source>Resumed: SCIM calls are served again.</source>
        <translation>已恢复：SCIM 调用重新得到处理。</translation>
    </message>
    <message>
        <source>Emergency stop: refuse every SCIM call of the application with 403, at once and on every instance.</source>
        <translation>紧急停止：立即在所有实例上以 403 拒绝该应用的所有 SCIM 调用。</translation>
    </message>
    <message>
        <source>Serve a suspended application&apos;s SCIM calls again.</source>
        <translation>重新处理已暂停应用的 SCIM 调用。</translation>
    </message>
    <message>
        <source>scim-console: warning: %1</source>
        <translation>scim-console：警告：%1</translation>
    </message>
    <message>
        <source>Threads that serve requests, each with its own store connection. Default: one per core (%1 here).</source>
        <translation>处理请求的线程数，每个线程有自己的存储连接。默认：每个 CPU 核心一个（此处为 %1）。</translation>
    </message>
    <message>
        <source>App secret of %1 (not shown): </source>
        <translation>%1 的应用密钥（输入不显示）：</translation>
    </message>
    <message>
        <source>--url takes the server&apos;s address as the provider reaches it, such as https://scim.example.com:8443, not &quot;%1&quot;.</source>
        <translation>--url 需要提供方访问服务器所用的地址，例如 https://scim.example.com:8443，而不是“%1”。</translation>
    </message>
    <message>
        <source>--auth takes token or client-credentials</source>
        <translation>--auth 取 token 或 client-credentials</translation>
    </message>
    <message>
        <source>%1 authenticates with a bearer token only.</source>
        <translation>%1 只支持用 Bearer 令牌认证。</translation>
    </message>
    <message>
        <source>Connect %1 to %2.

Settings %2 needs (%3):
</source>
        <translation>将 %1 连接到 %2。

%2 需要的设置（%3）：
</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>not applied: run again with --apply</source>
        <translation>未应用：加上 --apply 再运行一次</translation>
    </message>
    <message>
        <source>
In %1, paste:
</source>
        <translation>
在 %1 中粘贴：
</translation>
    </message>
    <message>
        <source>
Warning: %1</source>
        <translation>
警告：%1</translation>
    </message>
    <message>
        <source>What connecting Microsoft Entra ID, Okta or another SCIM client takes: the settings it needs (--apply applies them) and the fields to paste into its admin page.</source>
        <translation>连接 Microsoft Entra ID、Okta 或其他 SCIM 客户端所需的一切：它需要的设置（--apply 会应用这些设置），以及要粘贴到其管理页面的字段。</translation>
    </message>
    <message>
        <source>entra, okta or generic.</source>
        <translation>entra、okta 或 generic。</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>token (default) or client-credentials (Entra ID and other clients).</source>
        <translation>token（默认）或 client-credentials（Entra ID 及其他客户端）。</translation>
    </message>
    <message>
        <source>The server&apos;s address as the provider reaches it (default http://127.0.0.1:8080).</source>
        <translation>提供方访问服务器所用的地址（默认 http://127.0.0.1:8080）。</translation>
    </message>
    <message>
        <source>Entra ID&apos;s custom extension name, for the custom-field namespace.</source>
        <translation>Entra ID 的自定义扩展名称，用于自定义字段命名空间。</translation>
    </message>
    <message>
        <source>Apply the settings the provider needs to the application.</source>
        <translation>将提供方需要的设置应用到该应用。</translation>
    </message>
    <message>
        <source>Create a bearer token (or client secret) valid this many days and show it in the fields, once.</source>
        <translation>创建一个有效期为指定天数的 Bearer 令牌（或客户端密钥），并在字段中显示一次。</translation>
    </message>
    <message>
        <source>Call the application&apos;s endpoint as the provider&apos;s connection test does; exit 0 only when every step passes.</source>
        <translation>像提供方的连接测试那样调用应用的端点；仅当每一步都通过时退出码为 0。</translation>
    </message>
    <message>
        <source>The bearer token the provider is given; - reads it from standard input.</source>
        <translation>交给提供方的 Bearer 令牌；“-”表示从标准输入读取。</translation>
    </message>
    <message>
        <source>token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>--method takes POST, PUT or PATCH</source>
        <translation>--method 取 POST、PUT 或 PATCH</translation>
    </message>
    <message>
        <source>--resource takes users or groups</source>
        <translation>--resource 取 users 或 groups</translation>
    </message>
    <message>
        <source>a POST creates: give no --id</source>
        <translation>POST 用于创建：不要给出 --id</translation>
    </message>
    <message>
        <source>%1 changes a resource: give its --id</source>
        <translation>%1 会修改一个资源：请给出它的 --id</translation>
    </message>
    <message>
        <source>--sample takes entra or okta</source>
        <translation>--sample 取 entra 或 okta</translation>
    </message>
    <message>
        <source>give the payload on standard input, or --sample</source>
        <translation>请在标准输入中提供请求体，或使用 --sample</translation>
    </message>
    <message>
        <source>%1 %2 would be answered %3:
</source>
        <translation>%1 %2 将得到应答 %3：
</translation>
    </message>
    <message>
        <source>%1 %2 would be refused with %3 %4: %5
</source>
        <translation>%1 %2 将被拒绝，%3 %4：%5
</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <source>What a SCIM payload (standard input) would become for the application — the account or group, its extension values and organization — or the exact error the provider would get; nothing is written.</source>
        <translation>某个 SCIM 请求体（标准输入）对该应用会变成什么——账号或组、其扩展字段值和所属组织——或提供方将收到的确切错误；不写入任何内容。</translation>
    </message>
    <message>
        <source>POST (default), PUT or PATCH.</source>
        <translation>POST（默认）、PUT 或 PATCH。</translation>
    </message>
    <message>
        <source>users (default) or groups.</source>
        <translation>users（默认）或 groups。</translation>
    </message>
    <message>
        <source>resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>The resource a PUT or PATCH changes.</source>
        <translation>PUT 或 PATCH 要修改的资源。</translation>
    </message>
    <message>
        <source>Instead of standard input, the sample payload of entra or okta.</source>
        <translation>不读标准输入，改用 entra 或 okta 的示例请求体。</translation>
    </message>
    <message>
        <source>give --token, or --client-secret when the provider uses client credentials</source>
        <translation>请提供 --token；若提供方使用客户端凭据，则提供 --client-secret</translation>
    </message>
    <message>
        <source>Instead of --token, with client credentials: the client secret the provider is given (- reads it from standard input).</source>
        <translation>使用客户端凭据时代替 --token：交给提供方的客户端密钥（- 表示从标准输入读取）。</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Organization: %1</source>
        <translation>组织：%1</translation>
    </message>
    <message>
        <source>--%1 takes a whole number, not &quot;%2&quot;</source>
        <translation>--%1 需要整数，而不是“%2”</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2, not &quot;%3&quot;</source>
        <translation>--%1 需要从 %2 起的整数，而不是“%3”</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3, not &quot;%4&quot;</source>
        <translation>--%1 需要 %2 到 %3 之间的整数，而不是“%4”</translation>
    </message>
</context>
<context>
    <name>ClientCredentialStore</name>
    <message>
        <source>Client authentication failed.</source>
        <translation>客户端认证失败。</translation>
    </message>
    <message>
        <source>The application has no client credentials yet.</source>
        <translation>该应用还没有客户端凭据。</translation>
    </message>
    <message>
        <source>There is no client %1.</source>
        <translation>不存在客户端 %1。</translation>
    </message>
    <message>
        <source>Create a client secret first: the method needs an enabled one (C-03).</source>
        <translation>请先创建客户端密钥：启用该方式需要至少一个已启用的密钥（C-03）。</translation>
    </message>
    <message>
        <source>Access tokens live from 5 minutes to 24 hours (300 to 86400 seconds) (C-07).</source>
        <translation>访问令牌的有效期为 5 分钟至 24 小时（300 至 86400 秒）（C-07）。</translation>
    </message>
    <message>
        <source>The access token is not valid.</source>
        <translation>访问令牌无效。</translation>
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
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation>无法创建数据库 %1：%2</translation>
    </message>
    <message>
        <source>Text may not contain the NUL character (U+0000).</source>
        <translation>文本不能包含 NUL 字符（U+0000）。</translation>
    </message>
    <message>
        <source>The store is busy; try again.</source>
        <translation>存储正忙，请重试。</translation>
    </message>
    <message>
        <source>The store could not keep the changes; try again.</source>
        <translation>存储未能保存这些更改，请重试。</translation>
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
    <message>
        <source>The password in --db is visible to every user of this machine in the process list. Leave it out of the URL and give it in PGPASSWORD or ~/.pgpass instead, or pass the URL in SCIM_CONSOLE_DB.</source>
        <translation>--db 中的密码在进程列表中对本机所有用户可见。请勿将其写在 URL 中，改为通过 PGPASSWORD 或 ~/.pgpass 提供，或通过 SCIM_CONSOLE_DB 传入 URL。</translation>
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
    <message>
        <source>The application &quot;%1&quot; writes into &quot;%2&quot; (M-03): remove it from that application&apos;s sync target fields first.</source>
        <translation>应用“%1”会写入“%2”（M-03）：请先将其从该应用的同步目标字段中移除。</translation>
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
    <message>
        <source>The root organization cannot be moved.</source>
        <translation>根组织不能移动。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot move into itself or below itself.</source>
        <translation>“%1”不能移动到自身或其下级之下。</translation>
    </message>
    <message>
        <source>The root organization cannot be deleted.</source>
        <translation>根组织不能删除。</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; has %n organization(s) below it: move or delete them first.</source>
        <translation>
            <numerusform>“%1”下有 %n 个组织：请先移动或删除它们。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; holds %n account(s): move or delete them first.</source>
        <translation>
            <numerusform>“%1”中有 %n 个账户：请先移动或删除它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>The application &quot;%1&quot; has &quot;%2&quot; in its sync scope or as its sync target (S-04): change that first.</source>
        <translation>应用“%1”的同步范围或同步目标包含“%2”（S-04）：请先修改该应用。</translation>
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
    <name>ProviderProfile</name>
    <message>
        <source>Unknown identity provider &quot;%1&quot;: entra, okta or generic.</source>
        <translation>未知的身份提供方“%1”：可选 entra、okta 或 generic。</translation>
    </message>
    <message>
        <source>Microsoft Entra ID</source>
        <translation>Microsoft Entra ID</translation>
    </message>
    <message>
        <source>Okta</source>
        <translation>Okta</translation>
    </message>
    <message>
        <source>Another SCIM client</source>
        <translation>其他 SCIM 客户端</translation>
    </message>
    <message>
        <source>On duplicate</source>
        <translation>重复时</translation>
    </message>
    <message>
        <source>Entra ID looks a user up by userName before creating it; a create that still collides is answered 409, as Microsoft&apos;s SCIM validator expects, instead of taking over the account.</source>
        <translation>Entra ID 在创建用户前会先按 userName 查找；仍然冲突的创建会得到 409（正如 Microsoft 的 SCIM 验证工具所期望），而不会接管已有账号。</translation>
    </message>
    <message>
        <source>Unsupported types</source>
        <translation>不支持的类型</translation>
    </message>
    <message>
        <source>Entra ID&apos;s default mapping also sends mobile numbers and other e-mail types: ignoring them keeps the work values and logs a warning, where rejecting would fail every such user.</source>
        <translation>Entra ID 的默认映射还会发送手机号码和其他类型的邮箱：忽略它们会保留工作类型的值并记录一条警告，而拒绝会让每个这样的用户同步失败。</translation>
    </message>
    <message>
        <source>Custom attributes</source>
        <translation>自定义属性</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Entra ID sends custom attributes under urn:ietf:params:scim:schemas:extension:&lt;name&gt;:2.0:User; give the name you use in Entra&apos;s attribute mapping to map them.</source>
        <translation>Entra ID 在 urn:ietf:params:scim:schemas:extension:&lt;name&gt;:2.0:User 下发送自定义属性；填写您在 Entra 属性映射中使用的名称即可映射它们。</translation>
    </message>
    <message>
        <source>The namespace of the custom attributes you add in Entra&apos;s attribute mapping (M-02).</source>
        <translation>您在 Entra 属性映射中添加的自定义属性所在的命名空间（M-02）。</translation>
    </message>
    <message>
        <source>Okta expects 409 when it creates a user that exists (its SCIM test &quot;recreating user with same values&quot;); it then links the existing user itself.</source>
        <translation>Okta 在创建已存在的用户时期望得到 409（其 SCIM 测试“recreating user with same values”），随后它会自行关联已有用户。</translation>
    </message>
    <message>
        <source>Okta&apos;s profile can carry a mobile phone and a second e-mail: ignoring them keeps the work values and logs a warning, where rejecting would fail every such user.</source>
        <translation>Okta 的用户资料可能带有手机号码和第二个邮箱：忽略它们会保留工作类型的值并记录一条警告，而拒绝会让每个这样的用户同步失败。</translation>
    </message>
    <message>
        <source>Okta sends the custom attributes of its profile editor under this namespace (M-02).</source>
        <translation>Okta 在此命名空间下发送其资料编辑器中的自定义属性（M-02）。</translation>
    </message>
    <message>
        <source>A create for a userName that exists updates that account: a client that retries does not fail (I-01).</source>
        <translation>对已存在的 userName 的创建会更新该账号：客户端重试不会失败（I-01）。</translation>
    </message>
    <message>
        <source>An e-mail or phone number of another type than work is refused with a clear error (U-11).</source>
        <translation>非工作类型的邮箱或电话号码会被拒绝，并给出明确的错误（U-11）。</translation>
    </message>
    <message>
        <source>Set the namespace your client sends, if any.</source>
        <translation>如有需要，请设置您的客户端发送的命名空间。</translation>
    </message>
    <message>
        <source>&lt;a bearer token of the application&gt;</source>
        <translation>&lt;该应用的一个 Bearer 令牌&gt;</translation>
    </message>
    <message>
        <source>Shown once, when it is created (the application&apos;s Tokens).</source>
        <translation>仅在创建时显示一次（应用的“令牌”）。</translation>
    </message>
    <message>
        <source>Copy it now: it is shown only this once.</source>
        <translation>请立即复制：它只显示这一次。</translation>
    </message>
    <message>
        <source>Tenant URL</source>
        <translation>Tenant URL（租户 URL）</translation>
    </message>
    <message>
        <source>Provisioning › Admin Credentials.</source>
        <translation>预配 › 管理员凭据。</translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation>令牌端点</translation>
    </message>
    <message>
        <source>Client identifier</source>
        <translation>Client identifier（客户端标识符）</translation>
    </message>
    <message>
        <source>&lt;the application&apos;s client ID&gt;</source>
        <translation>&lt;该应用的客户端 ID&gt;</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client secret（客户端密钥）</translation>
    </message>
    <message>
        <source>&lt;a client secret of the application&gt;</source>
        <translation>&lt;该应用的一个客户端密钥&gt;</translation>
    </message>
    <message>
        <source>Secret Token</source>
        <translation>Secret Token（机密令牌）</translation>
    </message>
    <message>
        <source>SCIM connector base URL</source>
        <translation>SCIM connector base URL（SCIM 连接器基础 URL）</translation>
    </message>
    <message>
        <source>Provisioning › Integration › SCIM Connection.</source>
        <translation>Provisioning › Integration › SCIM Connection。</translation>
    </message>
    <message>
        <source>Unique identifier field for users</source>
        <translation>Unique identifier field for users（用户唯一标识字段）</translation>
    </message>
    <message>
        <source>Supported provisioning actions</source>
        <translation>Supported provisioning actions（支持的预配操作）</translation>
    </message>
    <message>
        <source>Push New Users, Push Profile Updates, Push Groups</source>
        <translation>Push New Users, Push Profile Updates, Push Groups</translation>
    </message>
    <message>
        <source>Authentication Mode</source>
        <translation>Authentication Mode（认证模式）</translation>
    </message>
    <message>
        <source>HTTP Header</source>
        <translation>HTTP Header</translation>
    </message>
    <message>
        <source>Authorization (Bearer)</source>
        <translation>Authorization（Bearer）</translation>
    </message>
    <message>
        <source>SCIM base URL</source>
        <translation>SCIM 基础 URL</translation>
    </message>
    <message>
        <source>Authorization header</source>
        <translation>Authorization 请求头</translation>
    </message>
    <message>
        <source>Bearer %1</source>
        <translation>Bearer %1</translation>
    </message>
    <message>
        <source>%1 is this machine&apos;s own address: a provider in the cloud cannot reach it. Let the server listen on an address the provider reaches (and give that address here).</source>
        <translation>%1 是本机自己的地址：云端的提供方无法访问。请让服务器监听提供方能访问的地址（并在此填写该地址）。</translation>
    </message>
    <message>
        <source>%1 is a private address: a provider in the cloud reaches it only through a gateway or proxy that forwards to it.</source>
        <translation>%1 是私有地址：云端的提供方只能通过转发到它的网关或代理访问。</translation>
    </message>
    <message>
        <source>The URL is not HTTPS: Entra ID and Okta call only HTTPS endpoints with a certificate they trust (a certificate from a public CA, or a TLS proxy in front).</source>
        <translation>该 URL 不是 HTTPS：Entra ID 和 Okta 只调用使用其信任证书的 HTTPS 端点（公共 CA 签发的证书，或前置 TLS 代理）。</translation>
    </message>
</context>
<context>
    <name>ProviderSelfTest</name>
    <message>
        <source>Create a bearer token on the application&apos;s Tokens page (or scim-console token create) and paste it into the provider; a disabled or expired token is refused.</source>
        <translation>在应用的“令牌”页面（或 scim-console token create）创建一个 Bearer 令牌并粘贴到提供方；已停用或已过期的令牌会被拒绝。</translation>
    </message>
    <message>
        <source>Turn the application&apos;s SCIM permission on for users, and resume the application if it is suspended.</source>
        <translation>为用户开启应用的 SCIM 权限；如果应用已被暂停，请恢复它。</translation>
    </message>
    <message>
        <source>Check the URL: it is %1, the application&apos;s own endpoint.</source>
        <translation>请检查 URL：应为 %1，即该应用自己的端点。</translation>
    </message>
    <message>
        <source>Too many failed attempts from this address: wait a minute and try again.</source>
        <translation>此地址的失败尝试过多：请等待一分钟后重试。</translation>
    </message>
    <message>
        <source>See the sync log for this request: it has the server&apos;s side of the error.</source>
        <translation>请在同步日志中查看此请求：那里有服务器端的错误信息。</translation>
    </message>
    <message>
        <source>Application settings</source>
        <translation>应用设置</translation>
    </message>
    <message>
        <source>The application is suspended: every call is refused with 403.</source>
        <translation>该应用已暂停：每个调用都会以 403 被拒绝。</translation>
    </message>
    <message>
        <source>Resume it on the application page (or scim-console app resume).</source>
        <translation>在应用页面恢复它（或 scim-console app resume）。</translation>
    </message>
    <message>
        <source>The SCIM permission does not allow reading and writing users: the provider&apos;s calls get 403.</source>
        <translation>SCIM 权限不允许读写用户：提供方的调用会得到 403。</translation>
    </message>
    <message>
        <source>Turn the SCIM permission on (application page, or scim-console app permission --enable).</source>
        <translation>开启 SCIM 权限（应用页面，或 scim-console app permission --enable）。</translation>
    </message>
    <message>
        <source>The sync scope covers no organization and no group: every user the provider sends would be refused.</source>
        <translation>同步范围不包含任何组织或组：提供方发送的每个用户都会被拒绝。</translation>
    </message>
    <message>
        <source>Choose the organizations (or groups) of the sync scope, and a sync target inside it.</source>
        <translation>选择同步范围内的组织（或组），并在其中选择同步目标。</translation>
    </message>
    <message>
        <source>No sync target organization: users the provider creates would have nowhere to go.</source>
        <translation>没有同步目标组织：提供方创建的用户将无处可去。</translation>
    </message>
    <message>
        <source>Choose the sync target, an organization inside the sync scope.</source>
        <translation>选择同步目标，即同步范围内的一个组织。</translation>
    </message>
    <message>
        <source>The provider checks the server&apos;s certificate: serve a certificate from a CA it trusts (--tls-cert and --tls-key, or a TLS proxy in front); a self-signed one is refused.</source>
        <translation>提供方会检查服务器的证书：请使用其信任的 CA 签发的证书（--tls-cert 和 --tls-key，或前置 TLS 代理）；自签名证书会被拒绝。</translation>
    </message>
    <message>
        <source>Start the SCIM server (Server page, or scim-console serve) and check that %1 reaches it.</source>
        <translation>启动 SCIM 服务器（“服务器”页面，或 scim-console serve），并确认 %1 能访问到它。</translation>
    </message>
    <message>
        <source>HTTP %1.</source>
        <translation>HTTP %1。</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
    <message>
        <source>The server describes itself.</source>
        <translation>服务器描述了自身。</translation>
    </message>
    <message>
        <source>The answer is not a ServiceProviderConfig.</source>
        <translation>应答不是 ServiceProviderConfig。</translation>
    </message>
    <message>
        <source>The answer is not a SCIM list.</source>
        <translation>应答不是 SCIM 列表。</translation>
    </message>
    <message numerus="yes">
        <source>A userName no one has matched %n user(s).</source>
        <translation>
            <numerusform>一个无人使用的 userName 匹配到了 %n 个用户。</numerusform>
        </translation>
    </message>
    <message>
        <source>200 and an empty list, as the provider expects.</source>
        <translation>200 且为空列表，符合提供方的预期。</translation>
    </message>
    <message numerus="yes">
        <source>200, %n user(s) in the application&apos;s scope.</source>
        <translation>
            <numerusform>200，应用范围内共有 %n 个用户。</numerusform>
        </translation>
    </message>
    <message>
        <source>SCIM permission on; in scope: %1, %2.</source>
        <translation>SCIM 权限已开启；范围内：%1，%2。</translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s)</source>
        <translation>
            <numerusform>%n 个组织</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个组</numerusform>
        </translation>
    </message>
    <message>
        <source>Turn client credentials on for the application, and paste its client identifier and an enabled client secret into the provider.</source>
        <translation>为该应用开启客户端凭据，并把它的客户端标识和一个已启用的客户端密钥粘贴到身份提供方。</translation>
    </message>
    <message numerus="yes">
        <source>An access token, valid for %n second(s).</source>
        <translation>
            <numerusform>一个访问令牌，有效期 %n 秒。</numerusform>
        </translation>
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
    <name>RamConnectionCheck</name>
    <message>
        <source>OAuth token</source>
        <translation>OAuth 令牌</translation>
    </message>
    <message>
        <source>Check the client id and the app secret (Replace it in the profile), and that the token URL is the one of your site.</source>
        <translation>请检查 Client ID 和应用密钥（可在配置中替换），以及令牌 URL 是否为您所在站点的地址。</translation>
    </message>
    <message>
        <source>The token&apos;s scope is &quot;%1&quot;, not %2.</source>
        <translation>令牌的权限范围是“%1”，而不是 %2。</translation>
    </message>
    <message>
        <source>In the RAM console, give the OAuth application the %1 scope.</source>
        <translation>请在 RAM 控制台中为该 OAuth 应用授予 %1 权限范围。</translation>
    </message>
    <message>
        <source>Token obtained (the answer named no scope).</source>
        <translation>已获取令牌（应答未给出权限范围）。</translation>
    </message>
    <message>
        <source>Token obtained, scope %1.</source>
        <translation>已获取令牌，权限范围 %1。</translation>
    </message>
    <message>
        <source>Check the SCIM URL: it is the SCIM endpoint of your site, without /Users.</source>
        <translation>请检查 SCIM URL：应为您所在站点的 SCIM 端点，不含 /Users。</translation>
    </message>
    <message>
        <source>The endpoint lists no User resource type.</source>
        <translation>该端点未列出 User 资源类型。</translation>
    </message>
    <message>
        <source>Lists the User resource type.</source>
        <translation>列出了 User 资源类型。</translation>
    </message>
    <message>
        <source>The endpoint has no %1 schema.</source>
        <translation>该端点没有 %1 模式。</translation>
    </message>
    <message>
        <source>Has the core User schema.</source>
        <translation>包含核心 User 模式。</translation>
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
    <message>
        <source>&quot;%1&quot; is not an https URL. (Plain http is accepted only for this machine, such as a test double: the client secret and the access token would cross the network in clear.)</source>
        <translation>“%1”不是 https URL。（仅对本机（例如测试替身）接受明文 http：否则客户端密钥和访问令牌会以明文穿过网络。）</translation>
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
    <message>
        <source>A RAM profile named &quot;%1&quot; exists already.</source>
        <translation>名为“%1”的 RAM 配置已存在。</translation>
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
    <name>ScimConsole::Core::GuardedTcpServer</name>
    <message numerus="yes">
        <source>The request line is longer than %n bytes.</source>
        <translation>
            <numerusform>请求行超过 %n 字节。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The request headers are longer than %n bytes.</source>
        <translation>
            <numerusform>请求头超过 %n 字节。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The request body is larger than %n bytes.</source>
        <translation>
            <numerusform>请求体超过 %n 字节。</numerusform>
        </translation>
    </message>
    <message>
        <source>A request may not carry both Content-Length and Transfer-Encoding.</source>
        <translation>请求不能同时带有 Content-Length 和 Transfer-Encoding。</translation>
    </message>
    <message>
        <source>The Content-Length is not valid.</source>
        <translation>Content-Length 无效。</translation>
    </message>
    <message numerus="yes">
        <source>The request headers did not arrive within %n seconds.</source>
        <translation>
            <numerusform>请求头未在 %n 秒内到达。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The request body did not arrive within %n seconds.</source>
        <translation>
            <numerusform>请求体未在 %n 秒内到达。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server has %n connections open, its limit.</source>
        <translation>
            <numerusform>服务器已打开 %n 个连接，达到上限。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This address has %n connections open, the limit per client.</source>
        <translation>
            <numerusform>该地址已打开 %n 个连接，达到单个客户端的上限。</numerusform>
        </translation>
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
    <name>ScimConsole::Gui::AccountPageModel</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ApplicationListModel</name>
    <message>
        <source>All scenarios</source>
        <translation>所有功能场景</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>users %1</source>
        <translation>用户%1</translation>
    </message>
    <message>
        <source>read/write</source>
        <translation>读写</translation>
    </message>
    <message>
        <source>write</source>
        <translation>写</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读</translation>
    </message>
    <message>
        <source>groups %1</source>
        <translation>组%1</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自建应用</translation>
    </message>
    <message>
        <source>Standard protocol</source>
        <translation>标准协议应用</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>无令牌</translation>
    </message>
    <message>
        <source>None usable</source>
        <translation>无可用令牌</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>%n 天后过期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enabled</source>
        <translation>
            <numerusform>%n 个已启用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A bearer token expires within %n day(s): rotate it before the client is locked out (T-06).</source>
        <translation>
            <numerusform>有 Bearer Token 将在 %n 天内过期：请在客户端无法访问之前轮换（T-06）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>SCIM permission</source>
        <translation>开放接口权限</translation>
    </message>
    <message>
        <source>Bearer tokens</source>
        <translation>Bearer Token</translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation>今日调用</translation>
    </message>
    <message>
        <source>Failures today</source>
        <translation>今日失败</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>separates the scenarios of a partial SCIM permission</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ApplicationPanel</name>
    <message>
        <source>Account Sync</source>
        <translation>账户同步</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级配置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Sync Scope and Target</source>
        <translation>同步范围和同步目标</translation>
    </message>
    <message>
        <source>Edit Sync &amp;Scope…</source>
        <translation>编辑同步范围(&amp;S)…</translation>
    </message>
    <message>
        <source>Sync target</source>
        <translation>同步目标</translation>
    </message>
    <message>
        <source>Imported accounts without an organization are placed here. Only organizations inside the sync scope can be chosen (S-03, S-04).</source>
        <translation>没有组织的导入账户会放在这里。只能选择同步范围内的组织（S-03、S-04）。</translation>
    </message>
    <message>
        <source>Sync scope:</source>
        <translation>同步范围：</translation>
    </message>
    <message>
        <source>Sync &amp;target:</source>
        <translation>同步目标(&amp;T)：</translation>
    </message>
    <message>
        <source>Bearer Tokens</source>
        <translation>Bearer Token</translation>
    </message>
    <message>
        <source>Bearer tokens</source>
        <translation>Bearer Token 列表</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>禁用(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Rotate…</source>
        <translation>轮换(&amp;R)…</translation>
    </message>
    <message>
        <source>SCIM Endpoint</source>
        <translation>SCIM 接口</translation>
    </message>
    <message>
        <source>SCIM base URL</source>
        <translation>SCIM Base URL</translation>
    </message>
    <message>
        <source>All scenarios</source>
        <translation>所有功能场景</translation>
    </message>
    <message>
        <source>Read users</source>
        <translation>读取用户</translation>
    </message>
    <message>
        <source>Write users</source>
        <translation>写入用户</translation>
    </message>
    <message>
        <source>Read groups</source>
        <translation>读取组</translation>
    </message>
    <message>
        <source>Write groups</source>
        <translation>写入组</translation>
    </message>
    <message>
        <source>SCIM &amp;base URL:</source>
        <translation>SCIM Base URL(&amp;B)：</translation>
    </message>
    <message>
        <source>SCIM API permission:</source>
        <translation>SCIM API 接口权限：</translation>
    </message>
    <message>
        <source>Application name</source>
        <translation>应用名称</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>重命名(&amp;N)</translation>
    </message>
    <message>
        <source>When a created userName already exists</source>
        <translation>创建的用户名已存在时</translation>
    </message>
    <message>
        <source>Update the existing account</source>
        <translation>更新已有账户</translation>
    </message>
    <message>
        <source>Refuse the request (409)</source>
        <translation>拒绝请求（409）</translation>
    </message>
    <message>
        <source>Emails and phone numbers of other types</source>
        <translation>其他类型的邮箱和手机号</translation>
    </message>
    <message>
        <source>Refuse with a clear error</source>
        <translation>拒绝并给出明确错误</translation>
    </message>
    <message>
        <source>Keep the work value, log the rest</source>
        <translation>保留 work 类型的值，其余记入日志</translation>
    </message>
    <message>
        <source>&amp;Delete Application…</source>
        <translation>删除应用(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>On &amp;duplicate userName:</source>
        <translation>用户名重复时(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Unsupported email or phone types:</source>
        <translation>不支持的邮箱或手机号类型(&amp;U)：</translation>
    </message>
    <message>
        <source>group “%1”</source>
        <translation>组“%1”</translation>
    </message>
    <message>
        <source>Nothing is in scope yet: the application sees no accounts. Choose the organizations and groups it syncs.</source>
        <translation>同步范围还是空的：该应用看不到任何账户。请选择它要同步的组织和组。</translation>
    </message>
    <message>
        <source>(none: accounts must name their organization)</source>
        <translation>（无：账户必须指定其组织）</translation>
    </message>
    <message>
        <source>The server listens on this computer only: an identity provider in the cloud cannot reach it. Change the address on the Server page.</source>
        <translation>服务器只在本机监听：云端的身份提供方无法访问它。请在“服务器”页面修改监听地址。</translation>
    </message>
    <message>
        <source>Give this URL and a bearer token to the SCIM client (A-03).</source>
        <translation>将此 URL 和一个 Bearer Token 提供给 SCIM 客户端（A-03）。</translation>
    </message>
    <message>
        <source>Served by another instance (see the Server page).</source>
        <translation>由另一个实例提供服务（见“服务器”页面）。</translation>
    </message>
    <message>
        <source>The SCIM server is not running: start it on the Server page.</source>
        <translation>SCIM 服务器未运行：请在“服务器”页面启动。</translation>
    </message>
    <message>
        <source>%1 (rule %2)</source>
        <translation>%1（规则 %2）</translation>
    </message>
    <message>
        <source>%1 (rule T-02)</source>
        <translation>%1（规则 T-02）</translation>
    </message>
    <message>
        <source>%1 (rules T-01, T-02)</source>
        <translation>%1（规则 T-01、T-02）</translation>
    </message>
    <message>
        <source>%1 (rule T-04)</source>
        <translation>%1（规则 T-04）</translation>
    </message>
    <message>
        <source>Delete Bearer Token</source>
        <translation>删除 Bearer Token</translation>
    </message>
    <message>
        <source>Delete the disabled token %1…? A client still holding it can no longer connect.</source>
        <translation>删除已禁用的令牌 %1…？仍持有它的客户端将无法再连接。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete Application</source>
        <translation>删除应用</translation>
    </message>
    <message>
        <source>Delete the application “%1”? Its bearer tokens stop working at once and its configuration is lost. The directory&apos;s accounts and groups stay.</source>
        <translation>删除应用“%1”？其 Bearer Token 将立即失效，配置也会丢失。目录中的账户和组保留。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Resume the application&apos;s SCIM calls</source>
        <translation>恢复该应用的 SCIM 调用</translation>
    </message>
    <message>
        <source>Serve this application&apos;s SCIM calls again.</source>
        <translation>重新处理该应用的 SCIM 调用。</translation>
    </message>
    <message>
        <source>Suspended since %1: every SCIM call of this application is refused with 403, whatever its tokens and permission.</source>
        <translation>自 %1 起已暂停：无论令牌和权限如何，该应用的所有 SCIM 调用均以 403 拒绝。</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>暂停(&amp;S)…</translation>
    </message>
    <message>
        <source>Suspend the application</source>
        <translation>暂停该应用</translation>
    </message>
    <message>
        <source>Emergency stop: refuse every SCIM call of this application at once, on every instance, until you resume it.</source>
        <translation>紧急停止：立即在所有实例上拒绝该应用的所有 SCIM 调用，直到您恢复它。</translation>
    </message>
    <message>
        <source>Suspend Application</source>
        <translation>暂停应用</translation>
    </message>
    <message>
        <source>Refuse every SCIM call of “%1” with 403, starting with the next request? Its tokens, permission and data stay as they are; Resume serves it again.</source>
        <translation>从下一个请求开始，以 403 拒绝“%1”的所有 SCIM 调用吗？其令牌、权限和数据保持不变；恢复后重新处理。</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>the console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>&amp;Connect a Provider…</source>
        <translation>连接身份提供方(&amp;C)…</translation>
    </message>
    <message>
        <source>Connect Microsoft Entra ID, Okta or another SCIM client to this application, step by step, and test the connection.</source>
        <translation>逐步把 Microsoft Entra ID、Okta 或其他 SCIM 客户端连接到此应用，并测试连接。</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ApplicationsPage</name>
    <message>
        <source>Find application</source>
        <translation>查找应用</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>&amp;Add Application…</source>
        <translation>添加应用(&amp;A)…</translation>
    </message>
    <message>
        <source>Add Application…</source>
        <translation>添加应用…</translation>
    </message>
    <message>
        <source>No applications yet. An application is what an identity provider such as Microsoft Entra ID or Okta connects to: add one to get its SCIM base URL and a bearer token.</source>
        <translation>还没有应用。应用是 Microsoft Entra ID、Okta 等身份提供方连接的对象：添加一个应用，即可获得它的 SCIM Base URL 和 Bearer Token。</translation>
    </message>
    <message>
        <source>Select an application to see its sync scope, bearer tokens and SCIM endpoint.</source>
        <translation>选择一个应用，查看其同步范围、Bearer Token 和 SCIM 接口。</translation>
    </message>
    <message>
        <source>Add Application</source>
        <translation>添加应用</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Standard protocol (SCIM)</source>
        <translation>标准协议应用（SCIM）</translation>
    </message>
    <message>
        <source>Custom (self-developed)</source>
        <translation>自建应用（自行开发）</translation>
    </message>
    <message>
        <source>%1 (rules A-01, A-02)</source>
        <translation>%1（规则 A-01、A-02）</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::CallRateChart</name>
    <message>
        <source>Calls and failures over time</source>
        <translation>调用与失败随时间的变化</translation>
    </message>
    <message>
        <source>RAM: %1</source>
        <translation>RAM：%1</translation>
    </message>
    <message>
        <source>(no application)</source>
        <translation>（无应用）</translation>
    </message>
    <message>
        <source>calls per minute</source>
        <translation>每分钟调用数</translation>
    </message>
    <message numerus="yes">
        <source>calls per %n minute(s)</source>
        <translation>
            <numerusform>每 %n 分钟调用数</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — failures</source>
        <translation>%1 — 失败</translation>
    </message>
    <message>
        <source>No calls in this period</source>
        <translation>此时段内没有调用</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ClientCredentialsBox</name>
    <message>
        <source>OAuth 2.0 Client Credentials</source>
        <translation>OAuth 2.0 客户端凭据</translation>
    </message>
    <message>
        <source>Let SCIM clients get &amp;access tokens with the client ID and a client secret</source>
        <translation>允许 SCIM 客户端使用 Client ID 和客户端密钥获取访问令牌(&amp;A)</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Token endpoint</source>
        <translation>令牌端点</translation>
    </message>
    <message>
        <source>Add &amp;Secret…</source>
        <translation>添加密钥(&amp;S)…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Microsoft Entra ID calls this the OAuth2 client credentials grant (C-01, C-03).</source>
        <translation>Microsoft Entra ID 中称为 OAuth2 客户端凭据授权（C-01、C-03）。</translation>
    </message>
    <message>
        <source>Access token lifetime</source>
        <translation>访问令牌有效期</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>5 minutes to 24 hours (C-07)</source>
        <translation>5 分钟至 24 小时（C-07）</translation>
    </message>
    <message>
        <source>Client secrets</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Enable the client secret</source>
        <translation>启用客户端密钥</translation>
    </message>
    <message>
        <source>Disable the client secret</source>
        <translation>禁用客户端密钥</translation>
    </message>
    <message>
        <source>Delete the client secret</source>
        <translation>删除客户端密钥</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client ID(&amp;I)：</translation>
    </message>
    <message>
        <source>To&amp;ken endpoint:</source>
        <translation>令牌端点(&amp;K)：</translation>
    </message>
    <message>
        <source>Access tokens &amp;live:</source>
        <translation>访问令牌有效期(&amp;L)：</translation>
    </message>
    <message>
        <source>made when you add the first secret or switch this on</source>
        <translation>添加第一个密钥或开启此项时生成</translation>
    </message>
    <message>
        <source>Delete Client Secret</source>
        <translation>删除客户端密钥</translation>
    </message>
    <message>
        <source>Delete the client secret %1…? Clients that still use it can no longer get access tokens.</source>
        <translation>删除客户端密钥 %1…？仍在使用它的客户端将无法再获取访问令牌。</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ConnectProviderWizard</name>
    <message>
        <source>Connect an Identity Provider</source>
        <translation>连接身份提供方</translation>
    </message>
    <message>
        <source>Connect “%1” to an Identity Provider</source>
        <translation>将“%1”连接到身份提供方</translation>
    </message>
    <message>
        <source>Choose the Identity Provider</source>
        <translation>选择身份提供方</translation>
    </message>
    <message>
        <source>The console applies the settings it needs to this application. Each is explained below and each can be changed, here or later on the application page.</source>
        <translation>控制台会把该提供方所需的设置应用到此应用。每项设置都在下方说明，均可在此处或稍后在应用页面上修改。</translation>
    </message>
    <message>
        <source>Microsoft Entra &amp;ID</source>
        <translation>Microsoft Entra ID(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Okta</source>
        <translation>Okta(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Another SCIM client</source>
        <translation>其他 SCIM 客户端(&amp;A)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Entra ID custom extension name</source>
        <translation>Entra ID 自定义扩展名称</translation>
    </message>
    <message>
        <source>for example CustomExtensionName</source>
        <translation>例如 CustomExtensionName</translation>
    </message>
    <message>
        <source>Entra &amp;extension name:</source>
        <translation>Entra 扩展名称(&amp;E)：</translation>
    </message>
    <message>
        <source>Custom attributes namespace</source>
        <translation>自定义属性命名空间</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>认证方式</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>OAuth 2.0 client credentials</source>
        <translation>OAuth 2.0 客户端凭据</translation>
    </message>
    <message>
        <source>On &amp;duplicate userName:</source>
        <translation>userName 重复时(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Unsupported email or phone types:</source>
        <translation>不支持的邮箱或电话类型(&amp;U)：</translation>
    </message>
    <message>
        <source>Custom attributes &amp;namespace:</source>
        <translation>自定义属性命名空间(&amp;N)：</translation>
    </message>
    <message>
        <source>Au&amp;thentication:</source>
        <translation>认证方式(&amp;T)：</translation>
    </message>
    <message>
        <source>Entra ID asks the application&apos;s token endpoint for a short-lived access token with a client identifier and secret, and sends that token (C-06).</source>
        <translation>Entra ID 使用客户端标识和密钥向应用的令牌端点申请短期访问令牌，再携带该令牌调用（C-06）。</translation>
    </message>
    <message>
        <source>The provider sends a long-lived token in the Authorization header of every request (T-01). Entra ID can also use client credentials.</source>
        <translation>提供方在每个请求的 Authorization 头中发送一个长期令牌（T-01）。Entra ID 也可以使用客户端凭据。</translation>
    </message>
    <message>
        <source>The provider sends a long-lived token in the Authorization header of every request (T-01); it supports no other method.</source>
        <translation>提供方在每个请求的 Authorization 头中发送一个长期令牌（T-01）；它不支持其他方式。</translation>
    </message>
    <message>
        <source>%1 (rules I-01, U-11, M-02)</source>
        <translation>%1（规则 I-01、U-11、M-02）</translation>
    </message>
    <message>
        <source>Sync Scope and Target</source>
        <translation>同步范围与目标</translation>
    </message>
    <message>
        <source>The provider may create and change only the accounts and groups of the sync scope; the accounts it creates without an organization go to the sync target.</source>
        <translation>提供方只能创建和修改同步范围内的账号和组；它创建的未指定组织的账号会放入同步目标。</translation>
    </message>
    <message>
        <source>Edit Sync &amp;Scope…</source>
        <translation>编辑同步范围(&amp;S)…</translation>
    </message>
    <message>
        <source>Sync target</source>
        <translation>同步目标</translation>
    </message>
    <message>
        <source>Sync scope:</source>
        <translation>同步范围：</translation>
    </message>
    <message>
        <source>Sync &amp;target:</source>
        <translation>同步目标(&amp;T)：</translation>
    </message>
    <message>
        <source>Coverage:</source>
        <translation>覆盖范围：</translation>
    </message>
    <message>
        <source>Nothing is in scope: every user the provider sends would be refused.</source>
        <translation>范围内没有任何内容：提供方发送的每个用户都会被拒绝。</translation>
    </message>
    <message>
        <source>No sync target: users the provider creates would have nowhere to go.</source>
        <translation>没有同步目标：提供方创建的用户将无处可放。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1 today, in %2 and %3</source>
        <extracomment>&quot;12 accounts today, in 3 organizations and 1 group&quot;</extracomment>
        <translation>目前共 %1，分布在 %2、%3中</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n 个账号</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s)</source>
        <translation>
            <numerusform>%n 个组织</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个组</numerusform>
        </translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>Client identifier</source>
        <translation>客户端标识</translation>
    </message>
    <message>
        <source>Client &amp;identifier:</source>
        <translation>客户端标识(&amp;I)：</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Secr&amp;et:</source>
        <translation>密钥(&amp;E)：</translation>
    </message>
    <message>
        <source>%1 authenticates with a bearer token of this application. Its secret shows here and on the next page only: the console keeps just a hash (T-07).</source>
        <translation>%1 使用此应用的 Bearer 令牌进行认证。令牌明文只显示在本页和下一页：控制台只保存其哈希（T-07）。</translation>
    </message>
    <message>
        <source>%1 gets access tokens from the application&apos;s token endpoint with a client identifier and secret; creating a secret switches the method on. It shows here and on the next page only.</source>
        <translation>%1 使用客户端标识和密钥从应用的令牌端点获取访问令牌；创建密钥即开启此方式。密钥明文只显示在本页和下一页。</translation>
    </message>
    <message>
        <source>&amp;Create Token…</source>
        <translation>创建令牌(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Create Client Secret…</source>
        <translation>创建客户端密钥(&amp;C)…</translation>
    </message>
    <message>
        <source>Or a token you &amp;have:</source>
        <translation>或使用已有的令牌(&amp;H)：</translation>
    </message>
    <message>
        <source>Or a secret you &amp;have:</source>
        <translation>或使用已有的密钥(&amp;H)：</translation>
    </message>
    <message>
        <source>A bearer token you already have</source>
        <translation>您已有的 Bearer 令牌</translation>
    </message>
    <message>
        <source>A client secret you already have</source>
        <translation>您已有的客户端密钥</translation>
    </message>
    <message>
        <source>Tok&amp;en:</source>
        <translation>令牌(&amp;E)：</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>%1 (rules %2)</source>
        <translation>%1（规则 %2）</translation>
    </message>
    <message>
        <source>Created. It expires on %1. Copy it into the provider on the next page; it cannot be shown again once this wizard closes.</source>
        <translation>已创建，将于 %1 到期。请在下一页把它复制到提供方；此向导关闭后将无法再次显示。</translation>
    </message>
    <message>
        <source>What to Paste Where</source>
        <translation>在何处粘贴什么</translation>
    </message>
    <message>
        <source>The server&apos;s address as the provider reaches it</source>
        <translation>提供方访问此服务器所用的地址</translation>
    </message>
    <message>
        <source>The address of this server as the provider reaches it: a name in public DNS, with TLS, or the address of a proxy in front of it.</source>
        <translation>提供方访问此服务器所用的地址：公共 DNS 中的名称并启用 TLS，或前置代理的地址。</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>In the Entra admin center: Enterprise applications › your application › Provisioning, mode Automatic. Copy each value into the field of the same name.</source>
        <translation>在 Entra 管理中心：企业应用程序 › 您的应用程序 › 预配，模式选“自动”。把每个值复制到同名字段中。</translation>
    </message>
    <message>
        <source>Okta Admin Console › your application: enable SCIM provisioning under General, then open Provisioning › Integration. Copy each value into the field of the same name.</source>
        <translation>Okta 管理控制台 › 您的应用程序：在“General”中启用 SCIM 预配，然后打开 Provisioning › Integration。把每个值复制到同名字段中。</translation>
    </message>
    <message>
        <source>Give your SCIM client these values.</source>
        <translation>把这些值提供给您的 SCIM 客户端。</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>在 %1 中</translation>
    </message>
    <message>
        <source>Give the address with its scheme, such as https://scim.example.com:8443.</source>
        <translation>请填写带协议的地址，例如 https://scim.example.com:8443。</translation>
    </message>
    <message>
        <source>The SCIM server is not running: start it on the Server page before the test.</source>
        <translation>SCIM 服务器未运行：请先在“服务器”页面启动它，再进行测试。</translation>
    </message>
    <message>
        <source>Test the Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>&amp;Test Again</source>
        <translation>再次测试(&amp;T)</translation>
    </message>
    <message>
        <source>The console calls %1 as %2&apos;s “Test Connection” does, with the same credentials and TLS.</source>
        <translation>控制台按 %2 的“测试连接”方式调用 %1，使用相同的凭据和 TLS。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Every step passed: %1 will connect.</source>
        <translation>所有步骤均已通过：%1 可以连接。</translation>
    </message>
    <message>
        <source>%1 would not connect: see the step that failed and what to do, then test again.</source>
        <translation>%1 将无法连接：请查看失败的步骤及处理方法，然后再次测试。</translation>
    </message>
    <message>
        <source>Application settings</source>
        <translation>应用设置</translation>
    </message>
    <message>
        <source>Waiting for the First Call</source>
        <translation>等待首次调用</translation>
    </message>
    <message>
        <source>Waiting for the provider&apos;s first request</source>
        <translation>正在等待提供方的首个请求</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>请求：</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>应答：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>The SCIM server is not running: start it on the Server page, or the provider&apos;s calls cannot arrive.</source>
        <translation>SCIM 服务器未运行：请在“服务器”页面启动它，否则提供方的调用无法到达。</translation>
    </message>
    <message>
        <source>Save the provisioning settings in Entra ID, then Start provisioning. Entra&apos;s first cycle starts within about 40 minutes; “Provision on demand” sends one user at once.</source>
        <translation>在 Entra ID 中保存预配设置，然后点击“开始预配”。Entra 的首个周期约在 40 分钟内开始；“按需预配”可立即发送一个用户。</translation>
    </message>
    <message>
        <source>Save the integration in Okta, enable “To App” provisioning and assign a user or push a group: Okta calls at once.</source>
        <translation>在 Okta 中保存集成设置，启用“To App”预配并分配用户或推送组：Okta 会立即调用。</translation>
    </message>
    <message>
        <source>Start your SCIM client: its first request shows here.</source>
        <translation>启动您的 SCIM 客户端：它的首个请求会显示在这里。</translation>
    </message>
    <message>
        <source>Waiting for %1&apos;s first request…</source>
        <translation>正在等待 %1 的首个请求…</translation>
    </message>
    <message>
        <source>✔ The first request arrived at %1 and was served: %2 is connected.</source>
        <translation>✔ 首个请求已于 %1 到达并成功处理：%2 已连接。</translation>
    </message>
    <message>
        <source>✘ A request arrived at %1 and was refused; waiting for one that succeeds.</source>
        <translation>✘ 一个请求已于 %1 到达但被拒绝；正在等待成功的请求。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1:</source>
        <extracomment>a field of the provider&apos;s admin page, as a form label</extracomment>
        <translation>%1：</translation>
    </message>
    <message>
        <source>The server listens on this computer only (%1): %2 reaches it only through a proxy on this computer. Otherwise change the address on the Server page.</source>
        <translation>服务器只在本机监听（%1）：只有经由本机上的代理才能通过 %2 访问它。否则请在“服务器”页面修改监听地址。</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ConnectionStepsView</name>
    <message>
        <source>Connection test steps</source>
        <translation>连接测试步骤</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
    <message>
        <source>✔ Passed</source>
        <translation>✔ 通过</translation>
    </message>
    <message>
        <source>✘ Failed</source>
        <translation>✘ 失败</translation>
    </message>
    <message>
        <source>Not tried</source>
        <translation>未尝试</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::CopyField</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>复制%1</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::DirectoryPage</name>
    <message>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>新建组织</translation>
    </message>
    <message>
        <source>Rename organization</source>
        <translation>重命名组织</translation>
    </message>
    <message>
        <source>Move organization</source>
        <translation>移动组织</translation>
    </message>
    <message>
        <source>Delete organization</source>
        <translation>删除组织</translation>
    </message>
    <message>
        <source>Find accounts by user name, display name or email</source>
        <translation>按用户名、显示名称或邮箱查找账户</translation>
    </message>
    <message>
        <source>Find by user name, display name or email</source>
        <translation>按用户名、显示名称或邮箱查找</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message numerus="yes">
        <source>%Ln account(s)</source>
        <translation>
            <numerusform>%Ln 个账户</numerusform>
        </translation>
    </message>
    <message>
        <source>Account details</source>
        <translation>账户详情</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>禁用(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>删除(&amp;L)…</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Extension Fields</source>
        <translation>扩展字段</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Account id (U-01)</source>
        <translation>账户 ID（U-01）</translation>
    </message>
    <message>
        <source>User name (U-02)</source>
        <translation>用户名（U-02）</translation>
    </message>
    <message>
        <source>Display name (U-03)</source>
        <translation>显示名称（U-03）</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Email (U-06)</source>
        <translation>邮箱（U-06）</translation>
    </message>
    <message>
        <source>Phone number (U-04)</source>
        <translation>手机号（U-04）</translation>
    </message>
    <message>
        <source>Phone region (U-05)</source>
        <translation>手机区号（U-05）</translation>
    </message>
    <message>
        <source>External id (U-07)</source>
        <translation>外部 ID（U-07）</translation>
    </message>
    <message>
        <source>Status (U-08)</source>
        <translation>状态（U-08）</translation>
    </message>
    <message>
        <source>Password (U-09)</source>
        <translation>密码（U-09）</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Organization (U-10)</source>
        <translation>组织（U-10）</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Extension fields</source>
        <translation>扩展字段</translation>
    </message>
    <message>
        <source>New Organization</source>
        <translation>新建组织</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Parent:</source>
        <translation>上级组织(&amp;P)：</translation>
    </message>
    <message>
        <source>Rename Organization</source>
        <translation>重命名组织</translation>
    </message>
    <message>
        <source>The root organization cannot be moved.</source>
        <translation>根组织不能移动。</translation>
    </message>
    <message>
        <source>Move Organization</source>
        <translation>移动组织</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>组织：</translation>
    </message>
    <message>
        <source>&amp;New parent:</source>
        <translation>新的上级组织(&amp;N)：</translation>
    </message>
    <message>
        <source>Delete Organization</source>
        <translation>删除组织</translation>
    </message>
    <message>
        <source>Delete the organization “%1”?</source>
        <translation>删除组织“%1”？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete Account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Delete the account “%1”? It leaves its groups too. If an identity provider still assigns it, the next sync creates it again.</source>
        <translation>删除账户“%1”？它也会退出所属的组。如果身份提供方仍分配了该账户，下一次同步会重新创建它。</translation>
    </message>
    <message>
        <source>Select an account to see every synced field and extension value.</source>
        <translation>选择一个账户，查看其所有同步字段和扩展字段值。</translation>
    </message>
    <message>
        <source>set (an older, weaker hash: replaced when the password is next written)</source>
        <translation>已设置（较旧、较弱的哈希：下次写入密码时替换）</translation>
    </message>
    <message>
        <source>set (stored as an Argon2id hash)</source>
        <translation>已设置（以 Argon2id 哈希保存）</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ExtensionFieldDialog</name>
    <message>
        <source>New Extension Field</source>
        <translation>新建扩展字段</translation>
    </message>
    <message>
        <source>Field name</source>
        <translation>字段名称</translation>
    </message>
    <message>
        <source>cost_center</source>
        <translation>cost_center</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Field type</source>
        <translation>字段类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Yes/No</source>
        <translation>是/否</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Names use lowercase letters and “_”, at most 40, not starting with “_” (M-04). The name and type cannot change later.</source>
        <translation>名称使用小写字母和“_”，最多 40 个字符，不能以“_”开头（M-04）。名称和类型创建后不能修改。</translation>
    </message>
    <message>
        <source>Edit Extension Field</source>
        <translation>编辑扩展字段</translation>
    </message>
    <message>
        <source>%1 (rule M-04)</source>
        <translation>%1（规则 M-04）</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ExtensionFieldsView</name>
    <message>
        <source>Extension fields</source>
        <translation>扩展字段</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>&amp;New Field…</source>
        <translation>新建字段(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Extension fields hold what the basic fields do not (M-01). An application writes into the ones chosen as its sync target fields (Applications › Advanced).</source>
        <translation>扩展字段用于保存基础字段之外的信息（M-01）。应用会写入被选为其同步目标字段的扩展字段（应用 › 高级配置）。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Yes/No</source>
        <translation>是/否</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message numerus="yes">
        <source>Delete the extension field “%1” and the values %Ln account(s) hold in it?</source>
        <translation>
            <numerusform>删除扩展字段“%1”以及 %Ln 个账户中保存的字段值？</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the extension field “%1”?</source>
        <translation>删除扩展字段“%1”？</translation>
    </message>
    <message>
        <source>Delete Extension Field</source>
        <translation>删除扩展字段</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::GroupsView</name>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>外部 ID</translation>
    </message>
    <message>
        <source>Members of the selected group</source>
        <translation>所选组的成员</translation>
    </message>
    <message>
        <source>&amp;New Group…</source>
        <translation>新建组(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>成员(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Members of “%1”</source>
        <translation>“%1”的成员(&amp;M)</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… 以及其他 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <source>No members yet</source>
        <translation>暂无成员</translation>
    </message>
    <message>
        <source>New Group</source>
        <translation>新建组</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Rename Group</source>
        <translation>重命名组</translation>
    </message>
    <message>
        <source>Delete Group</source>
        <translation>删除组</translation>
    </message>
    <message>
        <source>Delete the group “%1”? Its members stay in the directory; applications that have it in their sync scope lose it from the scope.</source>
        <translation>删除组“%1”？其成员仍保留在目录中；同步范围包含该组的应用会从范围中失去它。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No groups yet: New Group… creates one, or an identity provider pushes them.</source>
        <translation>还没有组：点击“新建组…”创建，或由身份提供方推送。</translation>
    </message>
    <message>
        <source>Select a group to see its members.</source>
        <translation>选择一个组，查看其成员。</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::InlineMessage</name>
    <message>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
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
        <source>SCIM server: not running — %1</source>
        <translation>SCIM 服务器：未运行 —— %1</translation>
    </message>
    <message>
        <source>SCIM Console — %1</source>
        <translation>SCIM 控制台 — %1</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Sync Log</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <source>Alibaba Cloud RAM</source>
        <translation>阿里云 RAM</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Application…</source>
        <translation>新建应用(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>服务器(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;tart Server</source>
        <translation>启动服务器(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keep Serving in the Tray When the Window Closes</source>
        <translation>关闭窗口后在系统托盘中继续提供服务(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SCIM Console</source>
        <translation>关于 SCIM 控制台(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Show Console</source>
        <translation>显示控制台(&amp;S)</translation>
    </message>
    <message>
        <source>SCIM server: stopped</source>
        <translation>SCIM 服务器：已停止</translation>
    </message>
    <message>
        <source>SCIM server: stopped — %1</source>
        <translation>SCIM 服务器：已停止 — %1</translation>
    </message>
    <message>
        <source>SCIM server: running at %1</source>
        <translation>SCIM 服务器：运行中，地址 %1</translation>
    </message>
    <message>
        <source>SCIM server: %1</source>
        <translation>SCIM 服务器：%1</translation>
    </message>
    <message>
        <source>S&amp;top Server</source>
        <translation>停止服务器(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <source>%1 req/s · %Ln failure(s) in the last minute</source>
        <translation>
            <numerusform>%1 次请求/秒 · 最近一分钟 %Ln 次失败</numerusform>
        </translation>
    </message>
    <message>
        <source>About SCIM Console</source>
        <translation>关于 SCIM 控制台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SCIM Console %1&lt;/h3&gt;&lt;p&gt;Provision accounts and groups from Microsoft Entra ID, Okta or any SCIM 2.0 client into your directory, and push them to Alibaba Cloud RAM.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SCIM 控制台 %1&lt;/h3&gt;&lt;p&gt;将 Microsoft Entra ID、Okta 或任何 SCIM 2.0 客户端的账户和组同步到您的目录，并推送到阿里云 RAM。&lt;/p&gt;&lt;p&gt;依据 GNU 通用公共许可证第 3 版或更高版本授权。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建，运行于 Qt %3。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keep Serving?</source>
        <translation>继续提供服务？</translation>
    </message>
    <message>
        <source>The SCIM server is running. Keep serving in the system tray after the window closes? Identity providers can then keep syncing. (The Server menu changes this choice later.)</source>
        <translation>SCIM 服务器正在运行。关闭窗口后是否在系统托盘中继续提供服务？这样身份提供方可以继续同步。（之后可在“服务器”菜单中更改此选择。）</translation>
    </message>
    <message>
        <source>Keep Serving</source>
        <translation>继续提供服务</translation>
    </message>
    <message>
        <source>Still serving at %1.</source>
        <translation>仍在 %1 提供服务。</translation>
    </message>
    <message>
        <source>Cancel the RAM Operation?</source>
        <translation>取消 RAM 操作？</translation>
    </message>
    <message>
        <source>A push or pull to Alibaba Cloud RAM is running. Closing cancels it: the requests in flight finish, the rest are not sent, and the next push picks up where it stopped.</source>
        <translation>正在向阿里云 RAM 推送或拉取。关闭窗口会取消该操作：进行中的请求会完成，其余请求不再发送，下次推送会从中断处继续。</translation>
    </message>
    <message>
        <source>Cancel It and Close</source>
        <translation>取消并关闭</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::MappingEditor</name>
    <message>
        <source>Save Mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <source>Namespace preset</source>
        <translation>Namespace 预设</translation>
    </message>
    <message>
        <source>No custom fields</source>
        <translation>不使用自定义字段</translation>
    </message>
    <message>
        <source>Okta</source>
        <translation>Okta</translation>
    </message>
    <message>
        <source>Microsoft Entra ID</source>
        <translation>Microsoft Entra ID</translation>
    </message>
    <message>
        <source>Other (type the URN)</source>
        <translation>其他（手动输入 URN）</translation>
    </message>
    <message>
        <source>Entra ID custom extension name</source>
        <translation>Entra ID 自定义扩展名称</translation>
    </message>
    <message>
        <source>CustomExtensionName</source>
        <translation>CustomExtensionName</translation>
    </message>
    <message>
        <source>Custom field namespace</source>
        <translation>自定义字段 Namespace</translation>
    </message>
    <message>
        <source>Sync target fields</source>
        <translation>同步目标字段</translation>
    </message>
    <message>
        <source>Basic fields always sync. To sync more, name the schema namespace your identity provider sends custom attributes under (M-02) and choose the extension fields they are written into (M-03).</source>
        <translation>基础字段始终同步。如需同步更多字段，请填写身份提供方发送自定义属性时使用的 schema Namespace（M-02），并选择这些属性写入的扩展字段（M-03）。</translation>
    </message>
    <message>
        <source>&amp;Identity provider:</source>
        <translation>身份提供方(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Extension name:</source>
        <translation>扩展名称(&amp;E)：</translation>
    </message>
    <message>
        <source>Custom field &amp;namespace:</source>
        <translation>自定义字段 Namespace(&amp;N)：</translation>
    </message>
    <message>
        <source>Sync target &amp;fields:</source>
        <translation>同步目标字段(&amp;F)：</translation>
    </message>
    <message>
        <source>Extension Fields…</source>
        <translation>扩展字段…</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>No extension fields yet: define them first with Extension Fields…</source>
        <translation>还没有扩展字段：请先通过“扩展字段…”定义。</translation>
    </message>
    <message>
        <source>%1 (rule M-02)</source>
        <translation>%1（规则 M-02）</translation>
    </message>
    <message>
        <source>Type the custom extension name you chose in Entra ID (rule M-02).</source>
        <translation>请输入您在 Entra ID 中设置的自定义扩展名称（规则 M-02）。</translation>
    </message>
    <message>
        <source>Pre&amp;view a Payload…</source>
        <translation>预览请求体(&amp;V)…</translation>
    </message>
    <message>
        <source>What a User or Group from the identity provider would become under this mapping, or the error it would get; nothing is written.</source>
        <translation>身份提供方发来的用户或组在此映射下会变成什么，或会得到什么错误；不写入任何内容。</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::PayloadPreviewDialog</name>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>Preview a Payload</source>
        <translation>预览请求体</translation>
    </message>
    <message>
        <source>Sample payload</source>
        <translation>示例请求体</translation>
    </message>
    <message>
        <source>Your own payload</source>
        <translation>您自己的请求体</translation>
    </message>
    <message>
        <source>%1 user</source>
        <translation>%1 用户</translation>
    </message>
    <message>
        <source>%1 group</source>
        <translation>%1 组</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Resource id</source>
        <translation>资源 ID</translation>
    </message>
    <message>
        <source>the id a PUT or PATCH changes</source>
        <translation>PUT 或 PATCH 要修改的 ID</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>请求体</translation>
    </message>
    <message>
        <source>Paste a SCIM User or Group as the identity provider sends it, or pick a sample.</source>
        <translation>粘贴身份提供方发送的 SCIM 用户或组，或选择一个示例。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>The account or group it would become appears here. Nothing is written.</source>
        <translation>它将变成的账号或组显示在这里。不写入任何内容。</translation>
    </message>
    <message>
        <source>&amp;Sample:</source>
        <translation>示例(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Resource:</source>
        <translation>资源(&amp;R)：</translation>
    </message>
    <message>
        <source>Pa&amp;yload:</source>
        <translation>请求体(&amp;Y)：</translation>
    </message>
    <message>
        <source>Resul&amp;t:</source>
        <translation>结果(&amp;T)：</translation>
    </message>
    <message>
        <source>What this application would make of a request from its identity provider: the account or group, with every mapped field, its extension values and organization — or the exact error the provider would get. The real rules run, and nothing is written.</source>
        <translation>该应用会如何处理来自其身份提供方的请求：账号或组，包括每个映射字段、扩展字段值和所属组织——或提供方将收到的确切错误。会运行真实的规则，但不写入任何内容。</translation>
    </message>
    <message>
        <source>Running the rules…</source>
        <translation>正在运行规则…</translation>
    </message>
    <message>
        <source>The provider would get %1 %2: %3</source>
        <translation>提供方将收到 %1 %2：%3</translation>
    </message>
    <message>
        <source>%1 %2 would be answered %3.</source>
        <translation>%1 %2 将得到应答 %3。</translation>
    </message>
    <message>
        <source>%1 %2 would be answered %3, the account in the organization “%4”.</source>
        <translation>%1 %2 将得到应答 %3，账号位于组织“%4”中。</translation>
    </message>
    <message>
        <source>%1 Nothing was written.%2</source>
        <translation>%1未写入任何内容。%2</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::PullReportModel</name>
    <message>
        <source>Linked</source>
        <translation>已关联</translation>
    </message>
    <message>
        <source>Only in RAM</source>
        <translation>仅在 RAM 中</translation>
    </message>
    <message>
        <source>Only in the directory</source>
        <translation>仅在目录中</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Directory user</source>
        <translation>目录用户</translation>
    </message>
    <message>
        <source>RAM user</source>
        <translation>RAM 用户</translation>
    </message>
    <message>
        <source>RAM id</source>
        <translation>RAM ID</translation>
    </message>
    <message>
        <source>externalId</source>
        <translation>externalId</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::PushPlanModel</name>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Directory user</source>
        <translation>目录用户</translation>
    </message>
    <message>
        <source>RAM user</source>
        <translation>RAM 用户</translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation>变更字段</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::RamPage</name>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <source>P&amp;ush…</source>
        <translation>推送(&amp;U)…</translation>
    </message>
    <message>
        <source>P&amp;ull</source>
        <translation>拉取(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <source>Push plan</source>
        <translation>推送计划</translation>
    </message>
    <message>
        <source>RAM users and directory accounts</source>
        <translation>RAM 用户与目录账号</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>RAM profiles</source>
        <translation>RAM 配置</translation>
    </message>
    <message>
        <source>Add a RAM profile</source>
        <translation>添加 RAM 配置</translation>
    </message>
    <message>
        <source>Edit the RAM profile</source>
        <translation>编辑 RAM 配置</translation>
    </message>
    <message>
        <source>Delete the RAM profile</source>
        <translation>删除 RAM 配置</translation>
    </message>
    <message>
        <source>&lt;b&gt;Profiles&lt;/b&gt;</source>
        <translation>&lt;b&gt;配置&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Get a token and read what the SCIM endpoint supports (R-04)</source>
        <translation>获取令牌并读取 SCIM 端点支持的内容（R-04）</translation>
    </message>
    <message>
        <source>Read RAM and show what a push would change, without changing anything</source>
        <translation>读取 RAM 并显示推送将做出的变更，不做任何修改</translation>
    </message>
    <message>
        <source>Create, update and delete RAM users so that RAM matches the directory</source>
        <translation>在 RAM 中创建、更新和删除用户，使 RAM 与目录一致</translation>
    </message>
    <message>
        <source>Read every RAM user and compare with the directory</source>
        <translation>读取所有 RAM 用户并与目录比较</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Cancel the running operation</source>
        <translation>取消正在进行的操作</translation>
    </message>
    <message>
        <source>Show actions</source>
        <translation>显示操作</translation>
    </message>
    <message>
        <source>Find in the plan</source>
        <translation>在计划中查找</translation>
    </message>
    <message>
        <source>Find a user</source>
        <translation>查找用户</translation>
    </message>
    <message>
        <source>Export the plan as CSV</source>
        <translation>将计划导出为 CSV</translation>
    </message>
    <message>
        <source>Export the Push Plan</source>
        <translation>导出推送计划</translation>
    </message>
    <message>
        <source>push-plan.csv</source>
        <translation>push-plan.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 行导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Push sends the preview&apos;s creates, updates and deletes to RAM. The plan is made anew when the push starts.</source>
        <translation>推送会把预览中的创建、更新和删除发送到 RAM。推送开始时会重新生成计划。</translation>
    </message>
    <message>
        <source>Push failures</source>
        <translation>推送失败项</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Show users</source>
        <translation>显示用户</translation>
    </message>
    <message>
        <source>Find in the pull</source>
        <translation>在拉取结果中查找</translation>
    </message>
    <message>
        <source>Organization to import into</source>
        <translation>导入到的组织</translation>
    </message>
    <message>
        <source>Import the selected RAM-only users</source>
        <translation>导入所选的仅在 RAM 中的用户</translation>
    </message>
    <message>
        <source>Make a directory account of each selected user that is only in RAM, linked to it</source>
        <translation>为所选的每个仅在 RAM 中的用户创建一个目录账号，并与之关联</translation>
    </message>
    <message>
        <source>Import the selected RAM-only users &amp;into:</source>
        <translation>将所选的仅在 RAM 中的用户导入到(&amp;I)：</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Alibaba Cloud RAM&lt;/h3&gt;&lt;p&gt;Add a profile with the client ID and app secret of an OAuth server application (scope &lt;code&gt;/acs/scim&lt;/code&gt;), and choose which accounts it pushes.&lt;/p&gt;&lt;p&gt;Then test the connection, preview what a push would change, and push or pull.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;阿里云 RAM&lt;/h3&gt;&lt;p&gt;添加一个配置，填写 OAuth 服务端应用（权限范围 &lt;code&gt;/acs/scim&lt;/code&gt;）的 Client ID 和应用密钥，并选择要推送的账号。&lt;/p&gt;&lt;p&gt;然后测试连接，预览推送将做出的变更，再推送或拉取。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cancelling: the requests in flight finish first…</source>
        <translation>正在取消：进行中的请求会先完成…</translation>
    </message>
    <message>
        <source>The profile was not saved: the app secret could not be written to the OS keychain. %1</source>
        <translation>配置未保存：应用密钥无法写入操作系统钥匙串。%1</translation>
    </message>
    <message>
        <source>Delete RAM Profile?</source>
        <translation>删除 RAM 配置？</translation>
    </message>
    <message>
        <source>Delete the profile “%1” and its app secret? RAM users stay as they are in RAM; the links to them are forgotten.</source>
        <translation>删除配置“%1”及其应用密钥？RAM 中的用户保持不变；与它们的关联将被遗忘。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The app secret could not be removed from the OS keychain, so the profile stays. %1</source>
        <translation>应用密钥无法从操作系统钥匙串中删除，因此配置保留。%1</translation>
    </message>
    <message>
        <source>The last preview: %1 to create, %2 to update, %3 to delete.</source>
        <translation>上次预览：%1 个待创建，%2 个待更新，%3 个待删除。</translation>
    </message>
    <message>
        <source>Push to RAM?</source>
        <translation>推送到 RAM？</translation>
    </message>
    <message>
        <source>Push the accounts of “%1” to Alibaba Cloud RAM at %2? RAM users are created, updated and deleted so that RAM matches the directory. %3The plan is made anew when the push starts.</source>
        <translation>将“%1”的账号推送到 %2 的阿里云 RAM？将创建、更新和删除 RAM 用户，使 RAM 与目录一致。%3推送开始时会重新生成计划。</translation>
    </message>
    <message>
        <source>Reading the app secret…</source>
        <translation>正在读取应用密钥…</translation>
    </message>
    <message>
        <source>No app secret for “%1” is in the OS keychain: edit the profile and Replace the secret.</source>
        <translation>操作系统钥匙串中没有“%1”的应用密钥：请编辑该配置并替换密钥。</translation>
    </message>
    <message>
        <source>The app secret could not be read: %1</source>
        <translation>无法读取应用密钥：%1</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <source>Reading RAM users…</source>
        <translation>正在读取 RAM 用户…</translation>
    </message>
    <message>
        <source>Reading RAM users: %1 of %2</source>
        <translation>正在读取 RAM 用户：%1 / %2</translation>
    </message>
    <message>
        <source>%1 min %2 s left</source>
        <translation>剩余 %1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>剩余 %1 秒</translation>
    </message>
    <message>
        <source>Pushing: %1 of %2 · %3/s · %4</source>
        <translation>正在推送：%1 / %2 · %3/秒 · %4</translation>
    </message>
    <message>
        <source>Push to RAM finished</source>
        <translation>推送到 RAM 已完成</translation>
    </message>
    <message>
        <source>“%1”: cancelled after %2 changes.</source>
        <translation>“%1”：完成 %2 项变更后已取消。</translation>
    </message>
    <message>
        <source>“%1”: %2 created, %3 updated, %4 deleted, %5 failed.</source>
        <translation>“%1”：创建 %2，更新 %3，删除 %4，失败 %5。</translation>
    </message>
    <message>
        <source>Push to RAM failed</source>
        <translation>推送到 RAM 失败</translation>
    </message>
    <message>
        <source>the sync scope of %1</source>
        <translation>%1 的同步范围</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <extracomment>&quot;3 organizations and 1 group&quot;</extracomment>
        <translation>%1 和 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s)</source>
        <translation>
            <numerusform>%n 个组织</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个组</numerusform>
        </translation>
    </message>
    <message>
        <source>in the OS keychain</source>
        <translation>在操作系统钥匙串中</translation>
    </message>
    <message>
        <source>read from %1</source>
        <translation>读取自 %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;SCIM:&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Client ID:&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;App secret:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Pushes:&lt;/b&gt; %4 · &lt;b&gt;RAM user names:&lt;/b&gt; %5 · &lt;b&gt;Disabled accounts:&lt;/b&gt; %6 · %n request(s) at once</source>
        <translation>
            <numerusform>&lt;b&gt;SCIM：&lt;/b&gt;%1 &amp;nbsp; &lt;b&gt;Client ID：&lt;/b&gt;%2 &amp;nbsp; &lt;b&gt;应用密钥：&lt;/b&gt;%3&lt;br&gt;&lt;b&gt;推送：&lt;/b&gt;%4 · &lt;b&gt;RAM 用户名：&lt;/b&gt;%5 · &lt;b&gt;已禁用账号：&lt;/b&gt;%6 · 同时 %n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <source>part before “@”</source>
        <translation>“@”之前的部分</translation>
    </message>
    <message>
        <source>as in the directory</source>
        <translation>与目录一致</translation>
    </message>
    <message>
        <source>deleted in RAM</source>
        <translation>在 RAM 中删除</translation>
    </message>
    <message>
        <source>left in RAM</source>
        <translation>在 RAM 中保留</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>全部（%1）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; to create · &lt;b&gt;%2&lt;/b&gt; to update · &lt;b&gt;%3&lt;/b&gt; to delete · %4 unchanged · &lt;b&gt;%5&lt;/b&gt; conflicts (never sent)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 个待创建 · &lt;b&gt;%2&lt;/b&gt; 个待更新 · &lt;b&gt;%3&lt;/b&gt; 个待删除 · %4 个不变 · &lt;b&gt;%5&lt;/b&gt; 个冲突（不会发送）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cancelled&lt;/b&gt; after %1 s: %2 created, %3 updated, %4 deleted; %5 not sent.</source>
        <translation>&lt;b&gt;已取消&lt;/b&gt;，用时 %1 秒：创建 %2，更新 %3，删除 %4；%5 个未发送。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Done&lt;/b&gt; in %1 s: %2 created, %3 updated, %4 deleted.</source>
        <translation>&lt;b&gt;完成&lt;/b&gt;，用时 %1 秒：创建 %2，更新 %3，删除 %4。</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n conflict(s) were not sent (see the Preview tab)</source>
        <translation>
            <numerusform>另有 %n 个冲突未发送（见“预览”选项卡）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>RAM asked to slow down or failed briefly %n time(s); those requests were retried.</source>
        <translation>
            <numerusform>RAM 要求降速或短暂失败 %n 次；这些请求已重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n account(s) into %1, linked to their RAM users: the next push adopts them.</source>
        <translation>
            <numerusform>已将 %n 个账号导入到 %1，并与其 RAM 用户关联：下次推送会接管它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::RamProfileDialog</name>
    <message>
        <source>&amp;Replace…</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <source>The sync scope of an &amp;application:</source>
        <translation>某个应用的同步范围(&amp;A)：</translation>
    </message>
    <message>
        <source>Chosen &amp;organizations and groups:</source>
        <translation>选定的组织和组(&amp;O)：</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>New RAM Profile</source>
        <translation>新建 RAM 配置</translation>
    </message>
    <message>
        <source>Edit RAM Profile</source>
        <translation>编辑 RAM 配置</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>例如 production</translation>
    </message>
    <message>
        <source>Alibaba Cloud site</source>
        <translation>阿里云站点</translation>
    </message>
    <message>
        <source>China (aliyun.com)</source>
        <translation>中国站（aliyun.com）</translation>
    </message>
    <message>
        <source>International (alibabacloud.com)</source>
        <translation>国际站（alibabacloud.com）</translation>
    </message>
    <message>
        <source>Custom endpoints</source>
        <translation>自定义端点</translation>
    </message>
    <message>
        <source>OAuth token URL</source>
        <translation>OAuth 令牌 URL</translation>
    </message>
    <message>
        <source>SCIM URL</source>
        <translation>SCIM URL</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>the client_id of the OAuth server application</source>
        <translation>OAuth 服务端应用的 client_id</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>应用密钥</translation>
    </message>
    <message>
        <source>AppSecretValue, kept in the OS keychain</source>
        <translation>AppSecretValue，保存在操作系统钥匙串中</translation>
    </message>
    <message>
        <source>Stored in the OS keychain.</source>
        <translation>已保存在操作系统钥匙串中。</translation>
    </message>
    <message>
        <source>Read from %1 when needed; the console does not keep it.</source>
        <translation>需要时从 %1 读取；控制台不保存它。</translation>
    </message>
    <message>
        <source>Replace the app secret</source>
        <translation>替换应用密钥</translation>
    </message>
    <message>
        <source>Source application</source>
        <translation>来源应用</translation>
    </message>
    <message>
        <source>Choose organizations and groups</source>
        <translation>选择组织和组</translation>
    </message>
    <message>
        <source>RAM userName rule</source>
        <translation>RAM 用户名规则</translation>
    </message>
    <message>
        <source>The part before “@”, lower-cased (alice@example.com → alice)</source>
        <translation>“@”之前的部分，转为小写（alice@example.com → alice）</translation>
    </message>
    <message>
        <source>The directory userName as it is</source>
        <translation>直接使用目录中的 userName</translation>
    </message>
    <message>
        <source>RAM user names are 1-64 letters, digits, “.”, “_” or “-” (R-11); a name that cannot be mapped is a conflict in the preview.</source>
        <translation>RAM 用户名为 1-64 个字母、数字、“.”、“_”或“-”（R-11）；无法映射的名称在预览中显示为冲突。</translation>
    </message>
    <message>
        <source>Disabled accounts</source>
        <translation>已禁用账号</translation>
    </message>
    <message>
        <source>Delete the RAM user (RAM has no soft delete)</source>
        <translation>删除 RAM 用户（RAM 没有软删除）</translation>
    </message>
    <message>
        <source>Leave the RAM user as it is</source>
        <translation>保留 RAM 用户不变</translation>
    </message>
    <message>
        <source>Requests at once</source>
        <translation>同时请求数</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> 个同时请求</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>站点(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Token URL:</source>
        <translation>令牌 URL(&amp;T)：</translation>
    </message>
    <message>
        <source>SCIM &amp;URL:</source>
        <translation>SCIM URL(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>Client ID(&amp;C)：</translation>
    </message>
    <message>
        <source>App s&amp;ecret:</source>
        <translation>应用密钥(&amp;E)：</translation>
    </message>
    <message>
        <source>Which accounts to push</source>
        <translation>要推送的账号</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>RAM user &amp;name:</source>
        <translation>RAM 用户名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Disabled accounts:</source>
        <translation>已禁用账号(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Requests:</source>
        <translation>请求(&amp;R)：</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>请为配置命名。</translation>
    </message>
    <message>
        <source>A RAM profile named “%1” exists already.</source>
        <translation>名为“%1”的 RAM 配置已存在。</translation>
    </message>
    <message>
        <source>“%1” is not an https URL. (Plain http is accepted only for this machine, such as a test double.)</source>
        <translation>“%1”不是 https URL。（仅本机地址可使用明文 http，例如测试替身。）</translation>
    </message>
    <message>
        <source>Give the client ID of the OAuth server application (R-01).</source>
        <translation>请填写 OAuth 服务端应用的 Client ID（R-01）。</translation>
    </message>
    <message>
        <source>Give the app secret (AppSecretValue). Alibaba Cloud shows it only when it is made (R-01).</source>
        <translation>请填写应用密钥（AppSecretValue）。阿里云仅在创建时显示它（R-01）。</translation>
    </message>
    <message>
        <source>There is no application yet: choose organizations and groups instead.</source>
        <translation>还没有应用：请改为选择组织和组。</translation>
    </message>
    <message>
        <source>Choose at least one organization or group to push.</source>
        <translation>请至少选择一个要推送的组织或组。</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>组 %1</translation>
    </message>
    <message>
        <source>Accounts to Push</source>
        <translation>要推送的账号</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::RotateTokenDialog</name>
    <message>
        <source>Rotate Bearer Token</source>
        <translation>轮换 Bearer Token</translation>
    </message>
    <message>
        <source>Validity of the new token in days</source>
        <translation>新令牌的有效期（天）</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Create New Token</source>
        <translation>创建新令牌(&amp;C)</translation>
    </message>
    <message>
        <source>New token &amp;valid for:</source>
        <translation>新令牌有效期(&amp;V)：</translation>
    </message>
    <message>
        <source>New bearer token</source>
        <translation>新的 Bearer Token</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy the new token now. It will not be shown again (T-07).&lt;/b&gt; Replace the old token with it in the identity provider&apos;s provisioning settings.</source>
        <translation>&lt;b&gt;请立即复制新令牌。它不会再次显示（T-07）。&lt;/b&gt;在身份提供方的预配设置中用它替换旧令牌。</translation>
    </message>
    <message>
        <source>Run a provisioning cycle or “Test Connection” in the identity provider. The old token keeps working until you retire it.</source>
        <translation>在身份提供方中运行一次预配周期或“测试连接”。在您停用旧令牌之前，旧令牌仍然有效。</translation>
    </message>
    <message>
        <source>&amp;Disable and Delete Old Token</source>
        <translation>禁用并删除旧令牌(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Rotation replaces the token %1… without interrupting the sync (T-06):&lt;ol&gt;&lt;li&gt;add a new token&lt;/li&gt;&lt;li&gt;give it to the client&lt;/li&gt;&lt;li&gt;wait for the client&apos;s first call with it&lt;/li&gt;&lt;li&gt;disable and delete the old token&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>轮换会在不中断同步的情况下替换令牌 %1…（T-06）：&lt;ol&gt;&lt;li&gt;添加新令牌&lt;/li&gt;&lt;li&gt;将其提供给客户端&lt;/li&gt;&lt;li&gt;等待客户端用它发起第一次调用&lt;/li&gt;&lt;li&gt;禁用并删除旧令牌&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>%1 (rule T-02)</source>
        <translation>%1（规则 T-02）</translation>
    </message>
    <message>
        <source>%1 (rules T-01, T-02)</source>
        <translation>%1（规则 T-01、T-02）</translation>
    </message>
    <message>
        <source>Waiting for the first call with the new token %1…</source>
        <translation>正在等待使用新令牌 %1… 的第一次调用…</translation>
    </message>
    <message>
        <source>✔ The client now uses the new token: its first call arrived at %1.</source>
        <translation>✔ 客户端已在使用新令牌：第一次调用于 %1 到达。</translation>
    </message>
    <message>
        <source>%1 (rules T-03, T-04)</source>
        <translation>%1（规则 T-03、T-04）</translation>
    </message>
    <message>
        <source>✔ The old token %1… is disabled and deleted. Rotation complete.</source>
        <translation>✔ 旧令牌 %1… 已禁用并删除。轮换完成。</translation>
    </message>
    <message>
        <source>Disable and delete the old token %1…. A client still holding it is refused from now on.</source>
        <translation>禁用并删除旧令牌 %1…。此后仍持有它的客户端将被拒绝。</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ScreenshotTour</name>
    <message>
        <source>Add Application</source>
        <translation>添加应用</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Standard protocol (SCIM)</source>
        <translation>标准协议应用（SCIM）</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ServerController</name>
    <message>
        <source>Served by another instance: %1 on %2 (process %3)</source>
        <translation>由另一个实例提供服务：%2 上的 %1（进程 %3）</translation>
    </message>
    <message>
        <source>The other instance stopped serving this store.</source>
        <translation>另一个实例已停止为此存储提供服务。</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::ServerPage</name>
    <message>
        <source>Server URL</source>
        <translation>服务器 URL</translation>
    </message>
    <message>
        <source>Serve Here &amp;Too</source>
        <translation>同时在此启动(&amp;T)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Make &amp;Self-Signed Certificate</source>
        <translation>生成自签名证书(&amp;S)</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256)</source>
        <translation>证书指纹（SHA-256）</translation>
    </message>
    <message>
        <source>Allow plain &amp;HTTP on a network address</source>
        <translation>允许在网络地址上使用明文 &amp;HTTP</translation>
    </message>
    <message>
        <source>Start the server when the console opens</source>
        <translation>控制台打开时启动服务器</translation>
    </message>
    <message>
        <source>Another instance serves this store. Start this console&apos;s server as well, on its own address.</source>
        <translation>另一个实例正在为此存储提供服务。在本控制台也启动服务器，使用它自己的地址。</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>No TLS (this computer only)</source>
        <translation>不使用 TLS（仅限本机）</translation>
    </message>
    <message>
        <source>Certificate and key files</source>
        <translation>证书和私钥文件</translation>
    </message>
    <message>
        <source>Self-signed certificate</source>
        <translation>自签名证书</translation>
    </message>
    <message>
        <source>Certificate file (PEM)</source>
        <translation>证书文件（PEM）</translation>
    </message>
    <message>
        <source>Private key file (PEM)</source>
        <translation>私钥文件（PEM）</translation>
    </message>
    <message>
        <source>Browse for the certificate file</source>
        <translation>浏览证书文件</translation>
    </message>
    <message>
        <source>Browse for the private key file</source>
        <translation>浏览私钥文件</translation>
    </message>
    <message>
        <source>Bearer tokens then cross the network in clear. Use it only behind a TLS-terminating proxy on the same host.</source>
        <translation>这样 Bearer Token 会以明文在网络上传输。仅在同一主机上有终止 TLS 的代理时使用。</translation>
    </message>
    <message>
        <source>TLS Certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>TLS Private Key</source>
        <translation>TLS 私钥</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Plain HTTP on a network address sends bearer tokens and passwords in clear. Prefer TLS.</source>
        <translation>在网络地址上使用明文 HTTP 会以明文发送 Bearer Token 和密码。建议使用 TLS。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL：</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>证书(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>私钥(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Fingerprint:</source>
        <translation>指纹(&amp;F)：</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>有效期至：</translation>
    </message>
    <message>
        <source>&amp;Apply and Restart</source>
        <translation>应用并重启(&amp;A)</translation>
    </message>
    <message>
        <source>“%1” is not an IP address. Use 127.0.0.1 for this computer only, or 0.0.0.0 for every network interface.</source>
        <translation>“%1”不是 IP 地址。仅限本机请使用 127.0.0.1，所有网络接口请使用 0.0.0.0。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Checking whether another instance serves this store…</source>
        <translation>正在检查是否有其他实例为此存储提供服务…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Following another instance</source>
        <translation>正在跟随另一个实例</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>S&amp;top Server</source>
        <translation>停止服务器(&amp;T)</translation>
    </message>
    <message>
        <source>S&amp;tart Server</source>
        <translation>启动服务器(&amp;T)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No PEM certificate in this file.</source>
        <translation>此文件中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1（已过期）</translation>
    </message>
    <message>
        <source>The self-signed certificate is ready. Give its fingerprint to the identity provider if it asks, then Apply and Restart.</source>
        <translation>自签名证书已就绪。如身份提供方需要，请提供其指纹，然后点击“应用并重启”。</translation>
    </message>
    <message>
        <source>Limits per request and connection</source>
        <translation>请求与连接限制</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>工作线程</translation>
    </message>
    <message numerus="yes">
        <source>one per core (%n)</source>
        <translation>
            <numerusform>每核心一个（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Threads that serve requests, each with its own store connection. A slow request holds up only its own worker.</source>
        <translation>处理请求的线程，每个线程有自己的存储连接。一个慢请求只会拖住它所在的工作线程。</translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation>工作线程(&amp;W)：</translation>
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
    <name>ScimConsole::Gui::SyncLogPage</name>
    <message>
        <source>Sync log</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>跟随最新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>复制详情(&amp;C)</translation>
    </message>
    <message>
        <source>Direction filter</source>
        <translation>方向筛选</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>全部方向</translation>
    </message>
    <message>
        <source>Inbound (SCIM clients)</source>
        <translation>入站（SCIM 客户端）</translation>
    </message>
    <message>
        <source>Outbound (Alibaba Cloud RAM)</source>
        <translation>出站（阿里云 RAM）</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>2xx success</source>
        <translation>2xx 成功</translation>
    </message>
    <message>
        <source>4xx refused</source>
        <translation>4xx 被拒绝</translation>
    </message>
    <message>
        <source>5xx failed</source>
        <translation>5xx 失败</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>Keep the newest call in sight</source>
        <translation>始终显示最新的调用</translation>
    </message>
    <message>
        <source>Hold new calls back while you read; they appear when you resume</source>
        <translation>阅读时暂不显示新的调用；继续后再显示</translation>
    </message>
    <message>
        <source>Call details</source>
        <translation>调用详情</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new call(s) held back</source>
        <translation>
            <numerusform>%Ln 个新调用暂未显示</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Select a call to see every field of it. Tokens and passwords are never logged.</source>
        <translation>选择一次调用查看其所有字段。令牌和密码从不写入日志。</translation>
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
        <source>inbound</source>
        <translation>入站</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>出站</translation>
    </message>
    <message>
        <source>job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Application / profile</source>
        <translation>应用 / 配置</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>客户端地址</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>User Agent</translation>
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
        <source>no answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>scimType</source>
        <translation>scimType</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Bytes in / out</source>
        <translation>收 / 发字节数</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Resource id</source>
        <translation>资源 ID</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Back to the &amp;Newest</source>
        <translation>回到最新(&amp;N)</translation>
    </message>
    <message>
        <source>Application or profile filter</source>
        <translation>应用或配置筛选</translation>
    </message>
    <message>
        <source>All applications and profiles</source>
        <translation>所有应用和配置</translation>
    </message>
    <message>
        <source>Method filter</source>
        <translation>方法筛选</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>所有方法</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>介于…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Find in path, detail, scimType or profile</source>
        <translation>在路径、详情、scimType 或配置中查找</translation>
    </message>
    <message>
        <source>Export the filtered calls</source>
        <translation>导出筛选出的调用</translation>
    </message>
    <message>
        <source>As &amp;CSV…</source>
        <translation>CSV 格式(&amp;C)…</translation>
    </message>
    <message>
        <source>As &amp;JSON…</source>
        <translation>JSON 格式(&amp;J)…</translation>
    </message>
    <message>
        <source>You are reading older calls; newer ones arrive when you go back to the newest.</source>
        <translation>您正在查看较早的调用；回到最新后才会显示新的调用。</translation>
    </message>
    <message>
        <source>Chart period</source>
        <translation>图表时段</translation>
    </message>
    <message>
        <source>Last hour, per minute</source>
        <translation>最近 1 小时，按分钟</translation>
    </message>
    <message>
        <source>Last day, per 15 minutes</source>
        <translation>最近 1 天，按 15 分钟</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>RAM: %1</source>
        <translation>RAM：%1</translation>
    </message>
    <message>
        <source>Export the Sync Log</source>
        <translation>导出同步日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exporting the sync log…</source>
        <translation>正在导出同步日志…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The export was cancelled; %1 was not written.</source>
        <translation>导出已取消；未写入 %1。</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::SyncScopeDialog</name>
    <message>
        <source>Sync Scope</source>
        <translation>同步范围</translation>
    </message>
    <message>
        <source>Organizations in scope</source>
        <translation>范围内的组织</translation>
    </message>
    <message>
        <source>Groups in scope</source>
        <translation>范围内的组</translation>
    </message>
    <message>
        <source>Filter groups</source>
        <translation>筛选组</translation>
    </message>
    <message>
        <source>No groups yet. Create one in Directory › Groups, or let the identity provider push them.</source>
        <translation>还没有组。可在“目录 › 组”中创建，或由身份提供方推送。</translation>
    </message>
    <message>
        <source>&amp;Organizations (each with everything below it):</source>
        <translation>组织（每个组织包含其所有下级）(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Groups (with their members):</source>
        <translation>组（包含其成员）(&amp;G)：</translation>
    </message>
    <message>
        <source>Only accounts and groups inside the scope are synced. Keep it as small as the application needs (S-05).</source>
        <translation>只有同步范围内的账户和组会被同步。请让范围保持在应用所需的最小程度（S-05）。</translation>
    </message>
    <message>
        <source>In scope through an organization above it</source>
        <translation>通过上级组织已在范围内</translation>
    </message>
    <message>
        <source>The sync target “%1” is outside this scope. Saving clears the sync target; choose a new one inside the scope afterwards (S-04).</source>
        <translation>同步目标“%1”不在此范围内。保存时会清除同步目标；之后请在范围内重新选择（S-04）。</translation>
    </message>
    <message>
        <source>Counting the accounts in scope…</source>
        <translation>正在统计范围内的账户…</translation>
    </message>
    <message>
        <source>The accounts in scope could not be counted: %1</source>
        <translation>无法统计范围内的账户：%1</translation>
    </message>
    <message>
        <source>Nothing is in scope: the application sees no accounts and no groups.</source>
        <translation>范围为空：该应用看不到任何账户和组。</translation>
    </message>
    <message>
        <source>This scope covers &lt;b&gt;%1&lt;/b&gt; and &lt;b&gt;%2&lt;/b&gt;.</source>
        <extracomment>S-05: shown before saving a sync scope</extracomment>
        <translation>此范围覆盖 &lt;b&gt;%1&lt;/b&gt; 和 &lt;b&gt;%2&lt;/b&gt;。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln account(s)</source>
        <translation>
            <numerusform>%Ln 个账户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln 个组</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::TokenDialog</name>
    <message>
        <source>Add Bearer Token</source>
        <translation>添加 Bearer Token</translation>
    </message>
    <message>
        <source>Validity preset</source>
        <translation>有效期预设</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 天</translation>
    </message>
    <message>
        <source>180 days</source>
        <translation>180 天</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>2 years</source>
        <translation>2 年</translation>
    </message>
    <message>
        <source>3 years</source>
        <translation>3 年</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Validity in days</source>
        <translation>有效期（天）</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Validity:</source>
        <translation>有效期(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Days:</source>
        <translation>天数(&amp;D)：</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>过期时间：</translation>
    </message>
    <message>
        <source>A token is valid for 1 day to 3 years (T-01). Choose the shortest validity your rotation routine allows.</source>
        <translation>令牌有效期为 1 天到 3 年（T-01）。请选择您的轮换周期所允许的最短有效期。</translation>
    </message>
    <message>
        <source>Create Token</source>
        <translation>创建令牌</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (rule T-01)</source>
        <translation>%1（规则 T-01）</translation>
    </message>
    <message>
        <source>Add Client Secret</source>
        <translation>添加客户端密钥</translation>
    </message>
    <message>
        <source>A client secret is valid for 1 day to 3 years (C-02). Choose the shortest validity your rotation routine allows.</source>
        <translation>客户端密钥的有效期为 1 天至 3 年（C-02）。请选择您的轮换流程所允许的最短有效期。</translation>
    </message>
    <message>
        <source>Create Secret</source>
        <translation>创建密钥</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::TokenModel</name>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未使用</translation>
    </message>
    <message>
        <source>Only the first characters are kept to recognise the token; the secret itself is never stored (T-07).</source>
        <translation>只保留开头几个字符用于识别令牌；令牌密钥本身从不保存（T-07）。</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最后使用</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>密钥</translation>
    </message>
</context>
<context>
    <name>ScimConsole::Gui::TokenRevealDialog</name>
    <message>
        <source>Bearer token</source>
        <translation>Bearer Token</translation>
    </message>
    <message>
        <source>I have copied the token to the SCIM client</source>
        <translation>我已将令牌复制到 SCIM 客户端</translation>
    </message>
    <message>
        <source>New Bearer Token</source>
        <translation>新的 Bearer Token</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy this token now. It will not be shown again.&lt;/b&gt;</source>
        <translation>&lt;b&gt;请立即复制此令牌。它不会再次显示。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The console keeps only a hash of it (T-07). Paste it into the identity provider as the Secret Token. It is valid until %1.</source>
        <translation>控制台只保存它的哈希值（T-07）。请将它作为 Secret Token 粘贴到身份提供方。有效期至 %1。</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>I have copied the secret to the SCIM client</source>
        <translation>我已将密钥复制到 SCIM 客户端</translation>
    </message>
    <message>
        <source>New Client Secret</source>
        <translation>新的客户端密钥</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy this secret now. It will not be shown again.&lt;/b&gt;</source>
        <translation>&lt;b&gt;请立即复制此密钥。它不会再次显示。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The console keeps only a hash of it (C-05). Paste it into the identity provider as the Client secret, beside the Client ID. It is valid until %1.</source>
        <translation>控制台只保存它的哈希值（C-05）。请将它作为客户端密钥（Client secret）与 Client ID 一起粘贴到身份提供方。有效期至 %1。</translation>
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
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>Cannot make a TLS certificate.</source>
        <translation>无法生成 TLS 证书。</translation>
    </message>
    <message>
        <source>Cannot write the TLS certificate into %1.</source>
        <translation>无法将 TLS 证书写入 %1。</translation>
    </message>
</context>
<context>
    <name>ServerLimits</name>
    <message>
        <source>Request body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <source>Largest request body; larger ones are refused with 413.</source>
        <translation>请求体的最大大小；更大的请求以 413 拒绝。</translation>
    </message>
    <message>
        <source>Request line</source>
        <translation>请求行</translation>
    </message>
    <message>
        <source>Longest request line (method, path and query); longer ones get 414.</source>
        <translation>请求行（方法、路径和查询）的最大长度；更长的返回 414。</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Largest header block; larger ones get 431.</source>
        <translation>请求头的最大大小；更大的返回 431。</translation>
    </message>
    <message>
        <source>Headers within</source>
        <translation>请求头时限</translation>
    </message>
    <message>
        <source>Seconds a client has to send a request&apos;s headers (then 408).</source>
        <translation>客户端发送请求头的时限（秒），超时返回 408。</translation>
    </message>
    <message>
        <source>Body within</source>
        <translation>请求体时限</translation>
    </message>
    <message>
        <source>Seconds a client has to send a request&apos;s body (then 408).</source>
        <translation>客户端发送请求体的时限（秒），超时返回 408。</translation>
    </message>
    <message>
        <source>Idle connection</source>
        <translation>空闲连接</translation>
    </message>
    <message>
        <source>Seconds an idle kept-alive connection stays open.</source>
        <translation>空闲的长连接保持打开的秒数。</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接数</translation>
    </message>
    <message>
        <source>Connections open at once; more are refused with 503.</source>
        <translation>同时打开的连接数；超出的以 503 拒绝。</translation>
    </message>
    <message>
        <source>Per client</source>
        <translation>每个客户端</translation>
    </message>
    <message>
        <source>Connections open at once from one address; more are refused with 503.</source>
        <translation>同一地址同时打开的连接数；超出的以 503 拒绝。</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>Keep the sync log for 1 to 3650 days, not %1.</source>
        <translation>同步日志的保留期限应为 1 到 3650 天，而不是 %1 天。</translation>
    </message>
    <message>
        <source>Keep 1,000 to 100,000,000 sync-log events, not %1.</source>
        <translation>同步日志应保留 1,000 到 100,000,000 条事件，而不是 %1 条。</translation>
    </message>
</context>
<context>
    <name>StoreAction</name>
    <message>
        <source>%1 (rule %2)</source>
        <translation>%1（规则 %2）</translation>
    </message>
</context>
<context>
    <name>SyncLogExport</name>
    <message>
        <source>Cannot write the export: %1</source>
        <translation>无法写入导出文件：%1</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
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
    <message>
        <source>There is no enabled bearer token to rotate: add a token instead.</source>
        <translation>没有可轮换的已启用 Bearer Token：请添加令牌。</translation>
    </message>
    <message>
        <source>An application has at most %1 client secrets. Disable and delete one before adding another (C-02).</source>
        <translation>一个应用最多有 %1 个客户端密钥。请先禁用并删除一个，再添加新的（C-02）。</translation>
    </message>
    <message>
        <source>While client credentials are on, at least one client secret must stay enabled. Add and enable another secret, or switch client credentials off, first (C-03).</source>
        <translation>客户端凭据开启时，至少要有一个客户端密钥保持启用。请先添加并启用另一个密钥，或关闭客户端凭据（C-03）。</translation>
    </message>
    <message>
        <source>An enabled client secret cannot be deleted. Disable it first (C-04).</source>
        <translation>已启用的客户端密钥不能删除。请先禁用它（C-04）。</translation>
    </message>
    <message>
        <source>This application has no client secret with id %1.</source>
        <translation>该应用没有 ID 为 %1 的客户端密钥。</translation>
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
