<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BuildingPart</name>
    <message>
        <location filename="../../app/views/labels.py" line="53" />
        <source>Foundation and main structure</source>
        <translation>地基基础和主体结构</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="54" />
        <source>Roof waterproofing</source>
        <translation>屋面防水工程</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="55" />
        <source>Bathroom and room leak-proofing</source>
        <translation>卫生间、房间防渗漏</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="56" />
        <source>Exterior wall leak-proofing</source>
        <translation>外墙面防渗漏</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="57" />
        <source>Heating and cooling system</source>
        <translation>供热与供冷系统</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="58" />
        <source>Electrical lines</source>
        <translation>电气管线</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="59" />
        <source>Water supply and drainage pipes</source>
        <translation>给排水管道</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="60" />
        <source>Equipment installation</source>
        <translation>设备安装工程</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="61" />
        <source>Decoration</source>
        <translation>装修工程</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="62" />
        <source>Other parts</source>
        <translation>其他部位</translation>
    </message>
</context>
<context>
    <name>Cause</name>
    <message>
        <location filename="../../app/views/labels.py" line="91" />
        <source>Construction defect</source>
        <translation>施工质量缺陷</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="92" />
        <source>Improper use</source>
        <translation>使用不当</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="93" />
        <source>Third party</source>
        <translation>第三方原因</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="94" />
        <source>Design</source>
        <translation>设计原因</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="95" />
        <source>Material or equipment</source>
        <translation>材料设备</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="96" />
        <source>Force majeure</source>
        <translation>不可抗力</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../app/views/labels.py" line="83" />
        <source>Phone hotline</source>
        <translation>电话热线</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="84" />
        <source>WeChat mini program</source>
        <translation>微信小程序</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="85" />
        <source>App</source>
        <translation>APP</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="86" />
        <source>Registered on site</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="87" />
        <source>Bulk import</source>
        <translation>批量导入</translation>
    </message>
</context>
<context>
    <name>Coverage</name>
    <message>
        <location filename="../../app/views/labels.py" line="100" />
        <source>Within warranty</source>
        <translation>在保修期内</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="101" />
        <source>Warranty expired</source>
        <translation>已过保修期</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="102" />
        <source>Needs expert judgement</source>
        <translation>需专业研判</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="103" />
        <source>Not covered by warranty</source>
        <translation>不属保修范围</translation>
    </message>
</context>
<context>
    <name>LocationKind</name>
    <message>
        <location filename="../../app/views/labels.py" line="72" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="73" />
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="74" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="75" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="76" />
        <source>Road section</source>
        <translation>路段</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="77" />
        <source>Chainage</source>
        <translation>桩号</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="78" />
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="79" />
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>MainController</name>
    <message>
        <location filename="../../app/controllers/main_controller.py" line="39" />
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../app/controllers/main_controller.py" line="40" />
        <source>Installation code: %1</source>
        <translation>安装编码：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/selftest.py" line="66" />
        <location filename="../../app/views/main_window.py" line="21" />
        <source>Tickets</source>
        <translation>报修单</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="20" />
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="22" />
        <source>Kanban</source>
        <translation>看板</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="23" />
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="24" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="25" />
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="26" />
        <source>Retrospectives</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="27" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="28" />
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="29" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="44" />
        <location filename="../../app/views/main_window.py" line="110" />
        <source>WarrantyDesk</source>
        <translation>保修工作台</translation>
    </message>
</context>
<context>
    <name>OrgKind</name>
    <message>
        <location filename="../../app/views/labels.py" line="40" />
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="41" />
        <source>Project department</source>
        <translation>项目部</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="42" />
        <source>Subcontractor</source>
        <translation>分包单位</translation>
    </message>
</context>
<context>
    <name>PeriodUnit</name>
    <message>
        <location filename="../../app/views/labels.py" line="66" />
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="67" />
        <source>heating/cooling seasons</source>
        <translation>个采暖/供冷期</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="68" />
        <source>design service life</source>
        <translation>设计使用年限</translation>
    </message>
</context>
<context>
    <name>PhotoStage</name>
    <message>
        <location filename="../../app/views/labels.py" line="112" />
        <source>Before repair</source>
        <translation>维修前</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="113" />
        <source>During repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="114" />
        <source>After repair</source>
        <translation>维修后</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="115" />
        <source>Documents</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../app/views/placeholders.py" line="11" />
        <source>Tickets received and closed per month, year over year</source>
        <translation>每月受理与关闭的报修单数量及同比</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="12" />
        <source>Pareto of defect categories and high-incidence locations</source>
        <translation>缺陷类别帕累托图与高发部位</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="13" />
        <source>Response-time compliance, rework rate, satisfaction, overdue follow-ups</source>
        <translation>响应时限达成率、返修率、满意度、逾期回访</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="16" />
        <source>A column per lifecycle state, a card per open ticket</source>
        <translation>每个流程状态一列，每张未关闭的报修单一张卡片</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="17" />
        <source>Drag a card to move the ticket; missing data opens the stage form</source>
        <translation>拖动卡片即可推进报修单；缺少资料时自动打开对应环节的表单</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="18" />
        <source>Swimlanes by project or owner; print the board for the site office</source>
        <translation>按项目或责任人分泳道；可打印看板张贴在现场办公室</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="21" />
        <source>Projects with type, handover and delivery dates, department, subcontractors</source>
        <translation>项目：类型、竣工验收日期与交付日期、项目部、分包单位</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="22" />
        <source>Warranty terms per building part, never below the statutory minimum</source>
        <translation>各部位保修期限，不得低于法定最低期限</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="23" />
        <source>Location tree: buildings, units, floors, rooms; road sections; systems</source>
        <translation>位置树：楼栋、单元、楼层、房间；路段桩号；系统设备</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="26" />
        <source>Owners with contacts, the units they own and their full ticket history</source>
        <translation>业主档案：联系方式、名下房屋及全部报修记录</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="27" />
        <source>Communication log with promised dates, preferences and notes</source>
        <translation>沟通记录、承诺完成日期、偏好与备注</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="30" />
        <source>Follow-up visits scheduled within 7 days of acceptance, with outcome</source>
        <translation>验收后 7 日内自动安排回访并记录结果</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="31" />
        <source>Overdue follow-ups and rewards given</source>
        <translation>逾期回访与客户奖励记录</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="34" />
        <source>Escalations of major and recurring defects</source>
        <translation>重大问题与反复出现问题的升级处理</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="35" />
        <source>Retrospective meetings with root causes, actions and printed minutes</source>
        <translation>专项复盘会议：根本原因、整改措施与会议纪要打印</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="38" />
        <source>KPIs per person and per project department</source>
        <translation>个人与项目部绩效指标</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="39" />
        <source>Monthly and quarterly summaries and the annual white paper as PDF</source>
        <translation>月度、季度保修工作总结与年度保修白皮书（PDF）</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="42" />
        <source>Versioned SOP library linked to defect categories</source>
        <translation>按缺陷类别关联、带版本管理的标准化作业指导书（SOP）</translation>
    </message>
    <message>
        <location filename="../../app/views/placeholders.py" line="43" />
        <source>Typical cases published from retrospectives</source>
        <translation>由专项复盘沉淀的典型案例</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../app/views/placeholder_page.py" line="14" />
        <source>Not available yet in this version. This page will hold:</source>
        <translation>本版本尚未提供此功能。此页面将包含：</translation>
    </message>
</context>
<context>
    <name>ProjectType</name>
    <message>
        <location filename="../../app/views/labels.py" line="30" />
        <source>Residential / building</source>
        <translation>住宅/房建</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="31" />
        <source>Municipal road</source>
        <translation>市政道路</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="32" />
        <source>Industrial plant</source>
        <translation>工业厂房</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="33" />
        <source>MEP installation</source>
        <translation>机电安装</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="34" />
        <source>Infrastructure</source>
        <translation>基础设施</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="35" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ResponsibleParty</name>
    <message>
        <location filename="../../app/views/labels.py" line="107" />
        <source>Own team</source>
        <translation>本单位</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="108" />
        <source>Subcontractor</source>
        <translation>分包单位</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../app/views/labels.py" line="46" />
        <source>Clerk / service desk</source>
        <translation>资料员/客服专员</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="47" />
        <source>Warranty technician</source>
        <translation>保修员</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="48" />
        <source>Project manager</source>
        <translation>项目经理</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="49" />
        <source>HQ warranty administrator</source>
        <translation>总部保修管理员</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/views/settings_page.py" line="26" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="34" />
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="40" />
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="42" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="50" />
        <source>This installation</source>
        <translation>本机安装</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="52" />
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="53" />
        <source>Installation code</source>
        <translation>安装编码</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="54" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_page.py" line="73" />
        <source>Takes effect after a restart.</source>
        <translation>重启后生效。</translation>
    </message>
</context>
<context>
    <name>SignerRole</name>
    <message>
        <location filename="../../app/views/labels.py" line="119" />
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="120" />
        <source>Repair staff</source>
        <translation>维修人员</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/gui.py" line="82" />
        <source>Creating the demo database…</source>
        <translation>正在创建演示数据库…</translation>
    </message>
    <message>
        <location filename="../../app/gui.py" line="123" />
        <source>WarrantyDesk</source>
        <translation>保修工作台</translation>
    </message>
</context>
<context>
    <name>TicketListController</name>
    <message>
        <location filename="../../app/controllers/ticket_list_controller.py" line="82" />
        <source>The database could not be read: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
</context>
<context>
    <name>TicketListPage</name>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="39" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="40" />
        <source>Open (not closed)</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="48" />
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="52" />
        <source>All urgencies</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="60" />
        <source>Search number, description, location, reporter, phone…  (Ctrl+F)</source>
        <translation>搜索单号、描述、位置、报修人、电话…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="66" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="68" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="70" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_list_page.py" line="154" />
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_list_page.py" line="156" />
        <source>%n ticket(s)</source>
        <translation><numerusform>共 %n 张报修单</numerusform></translation>
    </message>
</context>
<context>
    <name>TicketState</name>
    <message>
        <location filename="../../app/views/labels.py" line="12" />
        <source>Received</source>
        <translation>报修受理</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="13" />
        <source>Diagnosis</source>
        <translation>诊断分类</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="14" />
        <source>Repair plan</source>
        <translation>维修计划</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="15" />
        <source>In repair</source>
        <translation>维修实施</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="16" />
        <source>Acceptance</source>
        <translation>验收反馈</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="17" />
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="18" />
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="19" />
        <source>Not covered</source>
        <translation>不予保修</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="20" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="103" />
        <source>Ticket no.</source>
        <translation>报修单号</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="104" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="105" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="106" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="107" />
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="108" />
        <source>Defect category</source>
        <translation>缺陷类别</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="109" />
        <source>Reporter</source>
        <translation>报修人</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="110" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="111" />
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="112" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../app/views/ticket_table_model.py" line="113" />
        <source>Reported at</source>
        <translation>报修时间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/ticket_table_model.py" line="139" />
        <source> (rework %n)</source>
        <translation><numerusform>（返修 %n 次）</numerusform></translation>
    </message>
</context>
<context>
    <name>Urgency</name>
    <message>
        <location filename="../../app/views/labels.py" line="24" />
        <source>Emergency</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="25" />
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="26" />
        <source>Normal</source>
        <translation>一般</translation>
    </message>
</context>
</TS>