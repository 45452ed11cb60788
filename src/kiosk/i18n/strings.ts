// Every interface string of the kiosk, keyed by id, in zh-CN (shown) and English (for the later language switch).
// Published content (item names, guides...) is never translated; only the interface is.

export type Lang = 'zh-CN' | 'en';

const STRINGS = {
  'app.title': { 'zh-CN': '政务公开专区', en: 'Government Information Disclosure Zone' },
  'nav.back': { 'zh-CN': '返回', en: 'Back' },
  'nav.home': { 'zh-CN': '首页', en: 'Home' },
  'nav.main': { 'zh-CN': '页面导航', en: 'Page navigation' },
  'nav.apply': { 'zh-CN': '申请信息公开', en: 'Request information' },
  'search.short': { 'zh-CN': '搜索', en: 'Search' },
  'search.label': {
    'zh-CN': '搜索政务公开事项、办事指南、政策解读',
    en: 'Search items, guides and interpretations',
  },
  'search.placeholder': {
    'zh-CN': '输入关键词或拼音，如：低保、dibao',
    en: 'Type words or pinyin, e.g. dibao',
  },
  'search.clear': { 'zh-CN': '清空搜索', en: 'Clear search' },
  'search.results': { 'zh-CN': '搜索结果', en: 'Search results' },
  'search.count': { 'zh-CN': '共找到 {n} 条', en: '{n} found' },
  'search.searching': { 'zh-CN': '正在搜索…', en: 'Searching…' },
  'search.more': { 'zh-CN': '显示更多结果（还有 {n} 条）', en: 'Show more results ({n} more)' },
  'search.group.item': { 'zh-CN': '事项', en: 'Items' },
  'search.group.guide': { 'zh-CN': '办事指南', en: 'Service guides' },
  'search.group.interpretation': { 'zh-CN': '政策解读', en: 'Policy interpretations' },
  'search.closest.title': {
    'zh-CN': '没有完全符合的结果，以下内容可能相关',
    en: 'No exact match; these may be related',
  },
  'search.implied': { 'zh-CN': '您说的情况，可能要办：', en: 'For what you describe, you may need:' },
  'search.closest.help': { 'zh-CN': '没有找到想要的内容？', en: 'Not what you need?' },
  'search.none.title': { 'zh-CN': '没有找到“{q}”的相关内容', en: 'Nothing found for “{q}”' },
  'search.none.didYouMean': { 'zh-CN': '您是不是要找：', en: 'Did you mean:' },
  'search.none.tips': {
    'zh-CN': '可以换个说法试试，比如用更短的词，或者按领域浏览。',
    en: 'Try other or shorter words, or browse by area.',
  },
  'search.none.browse': { 'zh-CN': '按领域浏览', en: 'Browse by area' },
  'search.none.desk': { 'zh-CN': '请到服务台咨询工作人员', en: 'Ask the staff at the service desk' },
  'search.none.deskAt': { 'zh-CN': '服务台位置：{where}', en: 'Service desk: {where}' },
  'search.none.apply': { 'zh-CN': '申请政府信息公开', en: 'Request government information' },
  'search.preview': { 'zh-CN': '预览', en: 'Preview' },
  'search.preview.open': { 'zh-CN': '查看全文', en: 'Open full page' },
  'search.preview.hint': {
    'zh-CN': '点按结果在右侧预览，点按“查看全文”打开',
    en: 'Tap a result to preview it on the right; tap “Open full page” to open it',
  },
  'search.preview.shown': { 'zh-CN': '右侧预览：{title}', en: 'Preview on the right: {title}' },
  'home.domains': { 'zh-CN': '按领域浏览', en: 'Browse by area' },
  'home.departments': { 'zh-CN': '按部门浏览', en: 'Browse by department' },
  'home.recent': { 'zh-CN': '最近更新', en: 'Recently updated' },
  'home.itemsCount': { 'zh-CN': '{n} 项', en: '{n} items' },
  'browse.title': { 'zh-CN': '按领域浏览', en: 'Browse by area' },
  'browse.departments': { 'zh-CN': '按部门浏览', en: 'Browse by department' },
  'browse.items': { 'zh-CN': '事项', en: 'Items' },
  'browse.empty': { 'zh-CN': '这里还没有内容', en: 'Nothing here yet' },
  'item.name': { 'zh-CN': '事项名称', en: 'Name' },
  'item.domain': { 'zh-CN': '所属领域', en: 'Area' },
  'item.content': { 'zh-CN': '公开内容', en: 'Content disclosed' },
  'item.basis': { 'zh-CN': '公开依据', en: 'Legal basis' },
  'item.timeLimit': { 'zh-CN': '公开时限', en: 'Time limit' },
  'item.publisher': { 'zh-CN': '公开主体', en: 'Publisher' },
  'item.disclosure': { 'zh-CN': '公开方式', en: 'Disclosure' },
  'item.channels': { 'zh-CN': '公开渠道和载体', en: 'Channels' },
  'item.audience': { 'zh-CN': '公开对象', en: 'Audience' },
  'item.tier': { 'zh-CN': '公开层级', en: 'Level' },
  'item.stages': { 'zh-CN': '“五公开”阶段', en: 'Disclosure stage' },
  'item.guides': { 'zh-CN': '相关办事指南', en: 'Related guides' },
  'item.interpretations': { 'zh-CN': '相关政策解读', en: 'Related interpretations' },
  'item.contact': { 'zh-CN': '联系部门', en: 'Contact' },
  'item.qr': { 'zh-CN': '用手机扫码查看网上公开页面', en: 'Scan to open the web page on your phone' },
  'item.qrAlt': { 'zh-CN': '{name}网上公开页面的二维码', en: 'QR code of the web page for {name}' },
  'takeHome.qr': { 'zh-CN': '用手机扫码，带走这一页', en: 'Scan to take this page with you' },
  'takeHome.qrAlt': { 'zh-CN': '在手机上打开“{name}”的二维码', en: 'QR code to open “{name}” on a phone' },
  'takeHome.print': { 'zh-CN': '打印本页', en: 'Print this page' },
  'item.none': { 'zh-CN': '无', en: 'None' },
  'dept.address': { 'zh-CN': '地址', en: 'Address' },
  'dept.hours': { 'zh-CN': '办公时间', en: 'Hours' },
  'dept.phone': { 'zh-CN': '电话', en: 'Phone' },
  'dept.window': { 'zh-CN': '窗口', en: 'Window' },
  'dept.items': { 'zh-CN': '本部门公开的事项', en: 'Items published by this department' },
  // Issue 15: catalogue details, browse filters, 依申请公开 items into the form, the zone's own guide.
  'item.notListed': { 'zh-CN': '目录未列明', en: 'Not stated in the catalogue' },
  'item.applyFor': { 'zh-CN': '申请公开此信息', en: 'Request this information' },
  'item.applyFor.why': {
    'zh-CN': '此信息依申请公开：需要向公开主体提出申请后获取。',
    en: 'This information is released on request: ask the publishing agency for it.',
  },
  'home.docsCount': { 'zh-CN': '{n} 篇', en: '{n} documents' },
  'browse.guides': { 'zh-CN': '办事指南', en: 'Service guides' },
  'browse.interpretations': { 'zh-CN': '政策解读', en: 'Policy interpretations' },
  'browse.filters': { 'zh-CN': '筛选事项', en: 'Filter items' },
  'browse.filter.all': { 'zh-CN': '全部', en: 'All' },
  'browse.filter.none': {
    'zh-CN': '没有符合筛选条件的事项',
    en: 'No items match the filters',
  },
  'browse.filter.clear': { 'zh-CN': '清除筛选', en: 'Clear filters' },
  'apply.fromItem.title': { 'zh-CN': '申请公开此信息', en: 'Request this information' },
  'apply.fromItem.lead': {
    'zh-CN': '信息名称已为您填好{agency}。接下来请填写申请人信息，填好的内容可以在表中修改。',
    en: 'The name of the information is filled in{agency}. Next, fill in who is asking; you can change anything in the form.',
  },
  'apply.fromItem.agency': { 'zh-CN': '，受理机关为“{name}”', en: ', addressed to “{name}”' },
  'apply.fromItem.noAgency': {
    'zh-CN': '；受理机关请在表中选择',
    en: '; choose the agency in the form',
  },
  'apply.fromItem.start': { 'zh-CN': '开始填写', en: 'Start' },
  'shelf.title': { 'zh-CN': '常被申请的信息', en: 'Often requested information' },
  'shelf.lead': {
    'zh-CN': '这些信息曾被多次申请，现已主动公开，无需再申请。',
    en: 'Many asked for these; they are now published, no request needed.',
  },
  'shelf.published': { 'zh-CN': '{date} 公开', en: 'published {date}' },
  'apply.triage.guide': { 'zh-CN': '申请前可先阅读：', en: 'Before you apply, you may read:' },
  'guide.overview': { 'zh-CN': '概述', en: 'Overview' },
  'guide.attachments': { 'zh-CN': '附件', en: 'Attachments' },
  'guide.docQr': { 'zh-CN': '扫码下载：{name}', en: 'Scan to download: {name}' },
  'guide.updated': { 'zh-CN': '更新日期：{date}', en: 'Updated: {date}' },
  'guide.department': { 'zh-CN': '办理部门：{name}', en: 'Department: {name}' },
  'guide.items': { 'zh-CN': '相关事项', en: 'Related items' },
  'guide.emptySection': {
    'zh-CN': '暂无内容，请咨询办理部门。',
    en: 'Not provided; please ask the department.',
  },
  'interp.policy': { 'zh-CN': '解读文件：{policy}', en: 'Policy: {policy}' },
  'interp.date': { 'zh-CN': '发布日期：{date}', en: 'Published: {date}' },
  'interp.qa': { 'zh-CN': '问答', en: 'Questions and answers' },
  'interp.validity.repealed': {
    'zh-CN': '该政策已废止，本解读仅供查阅，不作为办事依据。',
    en: 'This policy has been repealed. The interpretation is kept for reference only.',
  },
  'interp.validity.amended': {
    'zh-CN': '该政策已修改，本解读的部分内容可能已不适用。',
    en: 'This policy has been amended. Parts of this interpretation may no longer apply.',
  },
  'interp.tag.repealed': { 'zh-CN': '（已废止）', en: ' (repealed)' },
  'interp.tag.amended': { 'zh-CN': '（已修改）', en: ' (amended)' },
  'interp.q': { 'zh-CN': '问', en: 'Q' },
  'interp.a': { 'zh-CN': '答', en: 'A' },
  'apply.title': { 'zh-CN': '申请政府信息公开', en: 'Request government information' },
  'apply.triage.title': { 'zh-CN': '您想办理什么？', en: 'What would you like to do?' },
  'apply.triage.lead': {
    'zh-CN': '请选择最接近的一项。不确定时，可以请工作人员帮忙。',
    en: 'Choose the closest one. If unsure, ask the staff for help.',
  },
  'apply.triage.info': { 'zh-CN': '我要获取政府信息', en: 'I want government information' },
  'apply.triage.info.sub': {
    'zh-CN': '申请政府信息公开（自己填写申请表）',
    en: 'Request disclosure (fill in the form yourself)',
  },
  'apply.triage.petition': { 'zh-CN': '投诉、举报、信访', en: 'A complaint, report or petition' },
  'apply.triage.petition.sub': {
    'zh-CN': '不属于信息公开申请，告诉您该到哪里办',
    en: 'Not a disclosure request; where to go instead',
  },
  'apply.triage.correction': {
    'zh-CN': '更正与我有关的记录',
    en: 'Correct a record about me',
  },
  'apply.triage.correction.sub': {
    'zh-CN': '政府保存的关于您的信息不准确',
    en: 'Information the government holds about you is wrong',
  },
  'apply.triage.published': {
    'zh-CN': '已公开的公报、出版物',
    en: 'Published gazettes and publications',
  },
  'apply.triage.published.sub': {
    'zh-CN': '已经公开的信息可以直接查询，无需申请',
    en: 'Already published: search for it, no request needed',
  },
  'apply.triage.staff': { 'zh-CN': '请工作人员帮我填写', en: 'Ask the staff to fill it in for me' },
  'apply.triage.staff.sub': {
    'zh-CN': '口头申请，由工作人员代为填写',
    en: 'Tell the staff; they fill in the form for you',
  },
  'apply.petition.title': { 'zh-CN': '投诉、举报、信访', en: 'Complaints, reports and petitions' },
  'apply.petition.why': {
    'zh-CN':
      '依照《政府信息公开条例》第三十九条，以信息公开申请的形式进行信访、投诉、举报的，不作为政府信息公开申请处理。',
    en: 'Under Article 39 of the Regulations, petitions, complaints and reports made as disclosure requests are not handled as disclosure requests.',
  },
  'apply.petition.where': {
    'zh-CN': '请通过信访部门、12345政务服务便民热线，或到服务台咨询如何提出。',
    en: 'Please use the petitions office or the 12345 hotline, or ask at the service desk.',
  },
  'apply.correction.title': { 'zh-CN': '更正与您有关的记录', en: 'Correcting a record about you' },
  'apply.correction.why': {
    'zh-CN':
      '依照《政府信息公开条例》第四十一条，有证据证明行政机关提供的与您自身相关的政府信息记录不准确的，可以要求该行政机关更正。',
    en: 'Under Article 41, if you have evidence that a record about you is inaccurate, you may ask the agency that holds it to correct it.',
  },
  'apply.correction.where': {
    'zh-CN': '请带上证明材料，向保存该记录的部门提出；不清楚是哪个部门的，可以到服务台咨询。',
    en: 'Bring your evidence to the department that holds the record; the service desk can tell you which one.',
  },
  'apply.backToTriage': { 'zh-CN': '返回重新选择', en: 'Choose again' },
  'apply.unavailable.title': {
    'zh-CN': '本机暂时不能受理申请',
    en: 'This terminal cannot take requests right now',
  },
  'apply.unavailable.short': {
    'zh-CN': '本机暂时不能受理申请：还没有取得加密所需的服务器密钥。请到服务台填写纸质申请表。',
    en: 'This terminal cannot take requests yet: it has no encryption key from the server. Please use the paper form at the desk.',
  },
  'apply.unavailable.why': {
    'zh-CN':
      '为保护您的个人信息，申请必须加密后才能保存和发送。本机还没有取得服务器的加密密钥（可能是第一次启动时没有联网），所以现在不能在本机提交申请。',
    en: 'To protect your personal data, a request must be encrypted before it is stored or sent. This terminal has not yet received the server’s key (it may have started without a network), so it cannot take requests now.',
  },
  'apply.unavailable.paper': {
    'zh-CN': '请到服务台填写纸质申请表，工作人员会协助您。',
    en: 'Please fill in a paper form at the service desk; the staff will help you.',
  },
  'apply.progress': { 'zh-CN': '第 {n} 步，共 {total} 步', en: 'Step {n} of {total}' },
  'apply.staffAssistedNote': {
    'zh-CN': '工作人员代为填写（口头申请）',
    en: 'Filled in by staff (oral request)',
  },
  'apply.notStarted': {
    'zh-CN': '申请表已清空（可能因为长时间无人操作）。请重新开始。',
    en: 'The form has been cleared (perhaps after a long pause). Please start again.',
  },
  'apply.startOver': { 'zh-CN': '重新开始', en: 'Start again' },
  'apply.step.type': { 'zh-CN': '谁来申请？', en: 'Who is applying?' },
  'apply.step.applicant': { 'zh-CN': '申请人信息', en: 'About the applicant' },
  'apply.step.contact': { 'zh-CN': '怎样联系您', en: 'How to contact you' },
  'apply.step.request': { 'zh-CN': '您想获取什么信息？', en: 'What information do you want?' },
  'apply.step.agency': { 'zh-CN': '向哪个机关申请？', en: 'Which agency holds it?' },
  'apply.step.delivery': { 'zh-CN': '怎样提供给您', en: 'How you want to receive it' },
  'apply.step.privacy': { 'zh-CN': '个人信息保护', en: 'Your personal data' },
  'apply.next': { 'zh-CN': '下一步', en: 'Next' },
  'apply.prev': { 'zh-CN': '上一步', en: 'Previous' },
  'apply.toCheck': { 'zh-CN': '核对填写内容', en: 'Check your answers' },
  'apply.optional': { 'zh-CN': '（选填）', en: '(optional)' },
  'apply.errorPrefix': { 'zh-CN': '错误：', en: 'Error: ' },
  'apply.errorSummary': { 'zh-CN': '请修改以下内容', en: 'Please fix the following' },
  'apply.errorSummaryItem': { 'zh-CN': '{label}：{message}', en: '{label}: {message}' },
  'apply.yes': { 'zh-CN': '同意', en: 'Yes' },
  'apply.no': { 'zh-CN': '不同意', en: 'No' },
  'apply.applicantType.citizen': { 'zh-CN': '公民', en: 'A citizen (individual)' },
  'apply.applicantType.citizen.hint': {
    'zh-CN': '以个人名义申请',
    en: 'Applying in your own name',
  },
  'apply.applicantType.organization': {
    'zh-CN': '法人或其他组织',
    en: 'A legal person or other organisation',
  },
  'apply.applicantType.organization.hint': {
    'zh-CN': '以企业、社会组织等单位名义申请',
    en: 'Applying for a company or other organisation',
  },
  'apply.f.applicant.kind': { 'zh-CN': '单位类型', en: 'Kind of organisation' },
  'apply.orgKind.商业企业': { 'zh-CN': '商业企业', en: 'Business' },
  'apply.orgKind.科研机构': { 'zh-CN': '科研机构', en: 'Research institution' },
  'apply.orgKind.社会公益组织': { 'zh-CN': '社会公益组织', en: 'Public-interest organisation' },
  'apply.orgKind.法律服务机构': { 'zh-CN': '法律服务机构', en: 'Legal services' },
  'apply.orgKind.其他': { 'zh-CN': '其他', en: 'Other' },
  'apply.idType.resident-id': { 'zh-CN': '居民身份证', en: 'Resident ID card' },
  'apply.idType.hk-macau-permit': {
    'zh-CN': '港澳居民来往内地通行证',
    en: 'Mainland travel permit for HK and Macao residents',
  },
  'apply.idType.taiwan-permit': {
    'zh-CN': '台湾居民来往大陆通行证',
    en: 'Mainland travel permit for Taiwan residents',
  },
  'apply.idType.residence-permit': {
    'zh-CN': '港澳台居民居住证',
    en: 'Residence permit for HK, Macao and Taiwan residents',
  },
  'apply.idType.passport': { 'zh-CN': '护照', en: 'Passport' },
  'apply.idType.foreign-permanent-residence': {
    'zh-CN': '外国人永久居留身份证',
    en: 'Foreign permanent resident ID card',
  },
  'apply.medium.paper': { 'zh-CN': '纸质', en: 'Paper' },
  'apply.medium.email': { 'zh-CN': '电子邮件', en: 'E-mail' },
  'apply.medium.cd': { 'zh-CN': '光盘', en: 'CD' },
  'apply.medium.disk': { 'zh-CN': '磁盘', en: 'Disk' },
  'apply.delivery.post': { 'zh-CN': '邮寄', en: 'By post' },
  'apply.delivery.email': { 'zh-CN': '电子邮件', en: 'By e-mail' },
  'apply.delivery.collect': { 'zh-CN': '自行领取', en: 'Collect it in person' },
  'apply.delivery.on-site': { 'zh-CN': '当场阅读、抄录', en: 'Read and copy it on site' },
  'apply.f.applicant.type': { 'zh-CN': '申请人类型', en: 'Applicant type' },
  'apply.f.personName': { 'zh-CN': '姓名', en: 'Full name' },
  'apply.f.orgName': { 'zh-CN': '单位名称', en: 'Organisation name' },
  'apply.f.applicant.idType': { 'zh-CN': '证件类型', en: 'Identity document' },
  'apply.f.applicant.idNumber': { 'zh-CN': '证件号码', en: 'Document number' },
  'apply.f.applicant.workUnit': { 'zh-CN': '工作单位', en: 'Employer' },
  'apply.f.applicant.uscc': {
    'zh-CN': '统一社会信用代码',
    en: 'Unified social credit code',
  },
  'apply.f.applicant.legalRepresentative': { 'zh-CN': '法定代表人', en: 'Legal representative' },
  'apply.f.applicant.contactPerson': { 'zh-CN': '联系人', en: 'Contact person' },
  'apply.f.contact.phone': { 'zh-CN': '联系电话', en: 'Phone' },
  'apply.f.contact.email': { 'zh-CN': '电子邮箱', en: 'E-mail' },
  'apply.f.contact.address': { 'zh-CN': '通信地址', en: 'Postal address' },
  'apply.f.contact.postCode': { 'zh-CN': '邮政编码', en: 'Post code' },
  'apply.f.request.title': { 'zh-CN': '信息名称', en: 'Name of the information' },
  'apply.f.request.documentNumber': { 'zh-CN': '文号', en: 'Document number (文号)' },
  'apply.f.request.description': {
    'zh-CN': '内容描述（特征性描述）',
    en: 'Description',
  },
  'apply.f.request.agencyId': { 'zh-CN': '申请的机关', en: 'Agency' },
  'apply.f.media': { 'zh-CN': '获取信息的方式', en: 'Form of the information' },
  'apply.f.deliveries': { 'zh-CN': '提供方式', en: 'How it is provided' },
  'apply.f.consentToPublish': {
    'zh-CN': '是否同意公开本申请的内容（不含您的个人信息）？',
    en: 'May the content of this request be made public (without your personal data)?',
  },
  'apply.f.privacyConsent': {
    'zh-CN': '我已阅读以上告知，同意按上述方式处理我的个人信息',
    en: 'I have read the notice above and agree to my personal data being handled as described',
  },
  'apply.hint.name': {
    'zh-CN': '与证件上的姓名一致，包括“·”和生僻字。',
    en: 'As on your document, including “·” and rare characters.',
  },
  'apply.hint.uscc': {
    'zh-CN': '18位，在营业执照或登记证书上。',
    en: '18 characters, on the business licence or registration certificate.',
  },
  'apply.hint.phone': {
    'zh-CN': '手机号码或固定电话（固定电话请加区号）。',
    en: 'Mobile or landline (with the area code).',
  },
  'apply.hint.email': {
    'zh-CN': '选择通过电子邮件获取时必须填写。',
    en: 'Required if you want the information by e-mail.',
  },
  'apply.request.lead': {
    'zh-CN': '名称、文号、内容描述至少填写一项。写得越具体，越便于工作人员查找。',
    en: 'Fill in at least one of name, document number or description. The more specific, the easier to find.',
  },
  'apply.hint.title': {
    'zh-CN': '例如：2025年城乡低保资金发放情况',
    en: 'For example: 2025 subsistence allowance payments',
  },
  'apply.hint.documentNumber': {
    'zh-CN': '例如：某政发〔2024〕3号',
    en: 'For example: 某政发〔2024〕3号',
  },
  'apply.hint.description': {
    'zh-CN': '写明大约的时间、地点、事项，至少10个字。',
    en: 'Say roughly when, where and what; at least 10 characters.',
  },
  'apply.suggest.title': {
    'zh-CN': '这些信息可能已经公开',
    en: 'This may already be published',
  },
  'apply.suggest.lead': {
    'zh-CN': '如果下面就是您要找的，点一下即可查看，无需申请。',
    en: 'If one of these is what you want, tap it to read it; no request needed.',
  },
  'apply.suggest.fileAnyway': {
    'zh-CN': '都不是？请点“下一步”继续申请。',
    en: 'None of these? Tap “Next” to continue.',
  },
  'apply.hint.agency': {
    'zh-CN': '选择制作或保存这些信息的机关。不清楚的，选“某某区人民政府”或请工作人员帮忙。',
    en: 'Choose the agency that made or holds the information. If unsure, ask the staff.',
  },
  'apply.agency.none': {
    'zh-CN': '本机暂时没有机关名单，请到服务台办理。',
    en: 'No list of agencies on this terminal yet; please ask at the desk.',
  },
  'apply.hint.multiple': { 'zh-CN': '可以选多项。', en: 'You may choose more than one.' },
  'apply.hint.consentToPublish': {
    'zh-CN': '不影响办理结果。',
    en: 'This does not affect the answer you get.',
  },
  'apply.privacy.title': { 'zh-CN': '个人信息保护告知', en: 'Privacy notice' },
  'apply.privacy.what': {
    'zh-CN': '收集的信息：您填写的姓名或单位名称、证件号码、联系电话、电子邮箱、通信地址和邮政编码。',
    en: 'What we collect: the name, ID number, phone, e-mail, address and post code you enter.',
  },
  'apply.privacy.why': {
    'zh-CN': '用途：仅用于办理本次政府信息公开申请、与您联系和向您提供信息（《个人信息保护法》第十三条）。',
    en: 'Why: only to handle this request, contact you and give you the information (PIPL Art. 13).',
  },
  'apply.privacy.how': {
    'zh-CN': '处理方式：申请在本机加密后发送给政府信息公开工作机构，不向其他单位提供，法律另有规定的除外。',
    en: 'How: encrypted on this terminal and sent to the disclosure office; not shared with others unless the law requires it.',
  },
  'apply.privacy.kiosk': {
    'zh-CN': '本机只保存加密后的申请，送达后即删除，只留下查询码和办理状态。',
    en: 'This terminal keeps only the encrypted request, deletes it once delivered and keeps just the receipt code and status.',
  },
  'apply.privacy.howLong': {
    'zh-CN': '保存期限：申请材料按政府信息公开工作档案的规定期限保存，期满后销毁。',
    en: 'How long: the request is kept for the period set for disclosure records, then destroyed.',
  },
  'apply.privacy.rights': {
    'zh-CN': '您可以向工作人员查阅、更正您的个人信息，或咨询个人信息处理的问题。',
    en: 'You may ask the staff to see or correct your data, or ask how it is handled.',
  },
  'apply.privacy.agreed': { 'zh-CN': '已同意', en: 'Agreed' },
  'apply.usccConfirm': {
    'zh-CN': '我已对照证照核对，代码无误',
    en: 'I have checked it against the licence; the code is right',
  },
  'apply.check.title': { 'zh-CN': '请核对填写内容', en: 'Check your answers' },
  'apply.check.change': { 'zh-CN': '修改', en: 'Change' },
  // The screen used well (issue 14): step list, masked ID number.
  'apply.steps': { 'zh-CN': '申请步骤', en: 'Steps' },
  'apply.check.show': { 'zh-CN': '显示', en: 'Show' },
  'apply.check.showId': { 'zh-CN': '显示{field}', en: 'Show {field}' },
  'apply.agency.suggested': {
    'zh-CN': '根据您描述的内容，可能是这些机关',
    en: 'From your description, probably one of these',
  },
  'apply.agency.group.government': { 'zh-CN': '区政府及部门', en: 'District government and departments' },
  'apply.agency.group.township': { 'zh-CN': '街道、镇', en: 'Sub-districts and towns' },
  'apply.agency.group.institution': { 'zh-CN': '学校、医院等', en: 'Schools, hospitals and others' },
  'idcard.lead': {
    'zh-CN': '有居民身份证的，可以放在读卡器上，自动填写姓名和证件号码。',
    en: 'With a resident ID card, place it on the reader to fill in the name and ID number.',
  },
  'idcard.read': { 'zh-CN': '读取身份证', en: 'Read ID card' },
  'idcard.reading': { 'zh-CN': '正在读取，请不要移开证件…', en: 'Reading; keep the card on the reader…' },
  'idcard.done': {
    'zh-CN': '已读取：姓名和证件号码已填好，请核对。证件的其他信息没有保存。',
    en: 'Read: name and ID number filled in; please check them. Nothing else from the card is kept.',
  },
  'idcard.problem.no-card': {
    'zh-CN': '没有读到证件：请把身份证平放在读卡器上，再点“读取身份证”。',
    en: 'No card read: lay the ID card flat on the reader and tap “Read ID card” again.',
  },
  'idcard.problem.unavailable': {
    'zh-CN': '读卡器暂时不能用，请手动填写，或请工作人员帮忙。',
    en: 'The card reader is not available; please type the details or ask the staff.',
  },
  'idcard.problem.bad-data': {
    'zh-CN': '没有读出可用的姓名和证件号码，请手动填写。',
    en: 'No usable name and ID number were read; please type them.',
  },
  'apply.check.empty': { 'zh-CN': '未填写', en: 'Not given' },
  'apply.check.declaration': {
    'zh-CN': '点“提交申请”后，申请会加密保存并发送，您会得到一张回执。',
    en: 'When you tap “Submit”, the request is encrypted, saved and sent, and you get a receipt.',
  },
  'apply.submit': { 'zh-CN': '提交申请', en: 'Submit' },
  'apply.submitting': { 'zh-CN': '正在保存…', en: 'Saving…' },
  'apply.submitFailed': {
    'zh-CN': '没有保存成功，请再点一次“提交申请”，或请工作人员帮忙（{message}）',
    en: 'Not saved; tap “Submit” again or ask the staff ({message})',
  },
  'apply.receipt.title': { 'zh-CN': '申请已提交', en: 'Your request has been filed' },
  'apply.receipt.missing': {
    'zh-CN': '本机没有这份申请的回执',
    en: 'This terminal has no receipt for that request',
  },
  'apply.receipt.code': { 'zh-CN': '查询码', en: 'Receipt code' },
  'apply.receipt.qr': {
    'zh-CN': '查询码 {code} 的二维码：用手机扫码查询申请进度',
    en: 'QR code of receipt code {code}: scan to check the progress on your phone',
  },
  'apply.receipt.pending': {
    'zh-CN': '申请已加密保存在本机，正在发送；网络中断时会自动重试，您不必等待。',
    en: 'Your request is saved, encrypted, on this terminal and is being sent; it retries by itself if the network is down. You need not wait.',
  },
  'apply.receipt.delivered': {
    'zh-CN': '已送达政府信息公开工作机构（登记号 {number}）。',
    en: 'Delivered to the disclosure office (number {number}).',
  },
  'apply.receipt.rejected': {
    'zh-CN': '发送时遇到问题，已转工作人员处理。请带上本回执到服务台。',
    en: 'There was a problem sending it; the staff will handle it. Please bring this receipt to the desk.',
  },
  'apply.receipt.filedAt': { 'zh-CN': '提交时间', en: 'Filed' },
  'apply.receipt.applicant': { 'zh-CN': '申请人', en: 'Applicant' },
  'apply.receipt.idNumber': { 'zh-CN': '证件号码', en: 'ID number' },
  'apply.receipt.phone': { 'zh-CN': '联系电话', en: 'Phone' },
  'apply.receipt.agency': { 'zh-CN': '申请的机关', en: 'Agency' },
  'apply.receipt.channel': { 'zh-CN': '申请方式', en: 'How it was made' },
  'apply.receipt.receivedOn': { 'zh-CN': '收到申请日期', en: 'Date of receipt' },
  'apply.receipt.receivedInPerson': {
    'zh-CN': '{date}（当面提交，以提交之日为收到申请之日，第三十一条）',
    en: '{date} (filed in person: the day of filing, Art. 31)',
  },
  'apply.receipt.receivedExpected': {
    'zh-CN': '以工作人员确认收到之日为准，预计为{date}（第三十一条）',
    en: 'The day the office confirms receipt, expected {date} (Art. 31)',
  },
  'apply.receipt.receivedUnknown': {
    'zh-CN': '将由工作人员确认（第三十一条）',
    en: 'To be confirmed by the staff (Art. 31)',
  },
  'apply.receipt.dueOn': { 'zh-CN': '答复期限', en: 'Reply due' },
  'apply.receipt.due': {
    'zh-CN': '{date}前（自收到申请之日起20个工作日，第三十三条）',
    en: 'By {date} (20 working days from receipt, Art. 33)',
  },
  'apply.receipt.dueExpected': {
    'zh-CN': '预计{date}前（自收到申请之日起20个工作日，第三十三条）',
    en: 'Expected by {date} (20 working days from receipt, Art. 33)',
  },
  'apply.receipt.dueUnknown': {
    'zh-CN':
      '自收到申请之日起20个工作日内（第三十三条）。具体日期将由工作人员确认，因为本机还没有相应年份的节假日安排。',
    en: 'Within 20 working days of receipt (Art. 33). Staff will confirm the date: this terminal does not yet have that year’s holiday calendar.',
  },
  'apply.receipt.dueProvisional': {
    'zh-CN': '预计{date}前（自收到申请之日起20个工作日，第三十三条；该年节假日安排尚未公布）',
    en: 'Estimated: by {date} (20 working days from receipt, Art. 33; that year’s holiday arrangement is not published yet)',
  },
  'apply.receipt.provisionalMark': { 'zh-CN': '（预计）', en: ' (estimated)' },
  'apply.receipt.provisionalNote': {
    'zh-CN':
      '标注“预计”的日期：{years}的节假日安排尚未收到，暂按周末和法定节假日推算（不含调休），以正式安排公布后的日期为准。',
    en: 'Dates marked estimated: the holiday arrangement for {years} has not arrived yet, so they count weekends and statutory holidays only (no swapped working days); the published arrangement decides.',
  },
  'apply.receipt.next': { 'zh-CN': '接下来', en: 'What happens next' },
  'apply.receipt.correction': {
    'zh-CN':
      '如申请内容需要补正，工作人员会在收到申请之日起7个工作日内一次性告知您；答复期限自收到补正之日起计算（第三十条）。',
    en: 'If the request needs clarifying, the office tells you once within 7 working days; the reply period then runs from your correction (Art. 30).',
  },
  'apply.receipt.correctionBy': {
    'zh-CN':
      '如申请内容需要补正，工作人员会在{date}前一次性告知您；答复期限自收到补正之日起计算（第三十条）。',
    en: 'If the request needs clarifying, the office tells you once by {date}; the reply period then runs from your correction (Art. 30).',
  },
  'apply.receipt.extension': {
    'zh-CN': '如需延长答复期限，会告知您，延长最长不超过20个工作日（第三十三条）。',
    en: 'If the office needs more time it tells you; an extension is at most 20 working days (Art. 33).',
  },
  'apply.receipt.extensionBy': {
    'zh-CN': '如需延长答复期限，会告知您，最长延长20个工作日，即不晚于{date}（第三十三条）。',
    en: 'If the office needs more time it tells you; at most 20 more working days, so no later than {date} (Art. 33).',
  },
  'apply.receipt.remedies': {
    'zh-CN':
      '如认为侵犯了您的合法权益，可以向上一级行政机关或政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（第五十一条）。',
    en: 'If you think your rights were infringed, you may complain to the higher agency or the disclosure authority, or apply for administrative review or sue (Art. 51).',
  },
  'apply.receipt.howToCheck': {
    'zh-CN': '查询进度：在本机点页面上方的“申请信息公开”，再点“查询申请进度”，输入查询码和联系电话后4位。',
    en: 'To check progress: on this terminal tap “Request information” at the top, then “Check progress”, and enter the receipt code and the last 4 digits of your phone.',
  },
  'apply.receipt.print': { 'zh-CN': '打印回执', en: 'Print receipt' },
  'apply.receipt.done': { 'zh-CN': '完成', en: 'Done' },
  'apply.status.title': { 'zh-CN': '查询申请进度', en: 'Check progress' },
  'apply.status.lead': {
    'zh-CN': '输入回执上的查询码和联系电话的后4位。',
    en: 'Enter the receipt code and the last 4 digits of your phone.',
  },
  'apply.status.code': { 'zh-CN': '查询码', en: 'Receipt code' },
  'apply.status.codeHint': {
    'zh-CN': '9位字母和数字，例如 K7M-4PQ-R2X。',
    en: '9 letters and digits, e.g. K7M-4PQ-R2X.',
  },
  'apply.status.phone4': { 'zh-CN': '联系电话后4位', en: 'Last 4 digits of your phone' },
  'apply.status.phone4Error': {
    'zh-CN': '请输入联系电话的后4位数字。',
    en: 'Enter the last 4 digits of your phone.',
  },
  'apply.status.check': { 'zh-CN': '查询', en: 'Check' },
  'apply.status.checking': { 'zh-CN': '正在查询…', en: 'Checking…' },
  'apply.status.result': { 'zh-CN': '办理状态：{status}', en: 'Status: {status}' },
  'apply.status.filedOn': { 'zh-CN': '提交日期', en: 'Filed on' },
  'apply.status.correction': { 'zh-CN': '需要补正的内容', en: 'What to correct' },
  'apply.status.correctionBy': { 'zh-CN': '补正期限', en: 'Correct by' },
  'apply.status.repliedOn': { 'zh-CN': '答复日期', en: 'Replied on' },
  'apply.status.replyResult': { 'zh-CN': '答复结果', en: 'Result' },
  'apply.status.offline': {
    'zh-CN': '本机现在没有联网，暂时无法查询进度。请稍后再试，或到服务台咨询。',
    en: 'This terminal is offline, so progress cannot be checked now. Try later or ask at the desk.',
  },
  'apply.status.queued': {
    'zh-CN': '这份申请还在本机等待发送，网络恢复后会自动送达。',
    en: 'This request is still waiting on this terminal and will be sent when the network returns.',
  },
  'apply.status.failed': {
    'zh-CN': '查询没有成功，请稍后再试。',
    en: 'The check did not work; please try later.',
  },
  'state.loading': { 'zh-CN': '正在加载…', en: 'Loading…' },
  'state.importing': {
    'zh-CN': '正在准备内容（{done}/{total}）…',
    en: 'Preparing content ({done}/{total})…',
  },
  'state.noBundle': {
    'zh-CN': '本机暂时没有可用的公开内容，请联系工作人员。',
    en: 'No content is available on this terminal yet; please contact staff.',
  },
  'state.notFound': { 'zh-CN': '没有找到这个页面', en: 'Page not found' },
  'state.error': { 'zh-CN': '出现问题：{message}', en: 'Something went wrong: {message}' },
  'type.item': { 'zh-CN': '事项', en: 'Item' },
  'type.guide': { 'zh-CN': '办事指南', en: 'Guide' },
  'type.interpretation': { 'zh-CN': '政策解读', en: 'Interpretation' },
  // Kiosk frame: idle, guards, display modes, call staff, read-aloud, on-screen keyboard (issue 6).
  'idle.title': { 'zh-CN': '您还在使用吗？', en: 'Are you still there?' },
  'idle.body': {
    'zh-CN': '{n} 秒后将返回首页，并清除您输入和查看的内容。',
    en: 'In {n} seconds the terminal returns to the start screen and clears what you typed and viewed.',
  },
  'idle.continue': { 'zh-CN': '继续使用', en: 'Continue' },
  'idle.end': { 'zh-CN': '结束使用', en: 'Finish now' },
  'attract.start': { 'zh-CN': '轻触屏幕开始', en: 'Touch the screen to start' },
  'attract.notices': { 'zh-CN': '通知公告', en: 'Notices' },
  'attract.hint': {
    'zh-CN': '查询政务公开事项、办事指南、政策解读，申请政府信息公开',
    en: 'Look up published items, service guides and policy interpretations; request government information',
  },
  'tools.label': { 'zh-CN': '无障碍与帮助', en: 'Accessibility and help' },
  'tools.elder': { 'zh-CN': '长辈版', en: 'Large text' },
  'tools.contrast': { 'zh-CN': '高对比度', en: 'High contrast' },
  'tools.lang': { 'zh-CN': 'English', en: '中文' },
  'tools.langLabel': { 'zh-CN': 'Switch to English', en: '切换到中文' },
  'tools.read': { 'zh-CN': '朗读', en: 'Read aloud' },
  'tools.stopRead': { 'zh-CN': '停止朗读', en: 'Stop reading' },
  'staff.call': { 'zh-CN': '呼叫工作人员', en: 'Call staff' },
  'staff.title': { 'zh-CN': '呼叫工作人员', en: 'Call staff' },
  'staff.desk': { 'zh-CN': '服务台位置：{where}', en: 'Service desk: {where}' },
  'staff.noDesk': {
    'zh-CN': '请到大厅服务台咨询工作人员。',
    en: 'Please ask at the service desk in the hall.',
  },
  'staff.sending': { 'zh-CN': '正在通知工作人员…', en: 'Notifying the staff…' },
  'staff.sent': { 'zh-CN': '已通知工作人员，请稍候。', en: 'The staff have been notified; please wait.' },
  'staff.notSent': {
    'zh-CN': '暂时无法自动通知，请前往服务台。',
    en: 'The staff could not be notified automatically; please go to the service desk.',
  },
  'staff.close': { 'zh-CN': '关闭', en: 'Close' },
  'external.title': { 'zh-CN': '用手机扫码打开', en: 'Scan to open on your phone' },
  'external.body': {
    'zh-CN': '本终端不打开外部网站，请用手机扫描二维码查看。',
    en: 'This terminal does not open outside websites; scan the code with your phone.',
  },
  'external.qr': { 'zh-CN': '外部网页的二维码', en: 'QR code of the outside web page' },
  'guide.sec.conditions': { 'zh-CN': '办理条件', en: 'Eligibility' },
  'guide.sec.materials': { 'zh-CN': '申请材料', en: 'Documents to bring' },
  'guide.sec.process': { 'zh-CN': '办理流程', en: 'Procedure' },
  'guide.sec.timeLimit': { 'zh-CN': '办理时限', en: 'Time limit' },
  'guide.sec.fees': { 'zh-CN': '收费标准', en: 'Fees' },
  'guide.sec.location': { 'zh-CN': '办理地点和时间', en: 'Where and when' },
  'guide.sec.phone': { 'zh-CN': '咨询电话', en: 'Enquiries' },
  'guide.sec.supervision': { 'zh-CN': '监督投诉', en: 'Complaints' },
  // Staff screen: applications the server refused, set aside on this kiosk (src/kiosk/staff/SetAside.tsx).
  'staff.aside.title': { 'zh-CN': '被服务器退回的申请', en: 'Applications refused by the server' },
  'staff.aside.lead': {
    'zh-CN':
      '服务器拒收了这些申请，它们加密保存在本机，本机无法查看内容。请按查询码请申请人到服务台，改用纸质申请表办理；服务器的问题解决后也可以重新发送。',
    en: 'The server refused these applications. They are kept on this terminal, encrypted; this terminal cannot read them. Ask the applicant (by receipt code) to use a paper form at the desk, or send them again once the server problem is fixed.',
  },
  'staff.aside.none': { 'zh-CN': '没有被退回的申请。', en: 'No refused applications.' },
  'staff.aside.list': { 'zh-CN': '被退回的申请列表', en: 'List of refused applications' },
  'staff.aside.code': { 'zh-CN': '查询码', en: 'Receipt code' },
  'staff.aside.created': { 'zh-CN': '提交时间', en: 'Filed' },
  'staff.aside.refusedAt': { 'zh-CN': '退回时间', en: 'Refused' },
  'staff.aside.reason': { 'zh-CN': '退回原因', en: 'Reason' },
  'staff.aside.status': { 'zh-CN': 'HTTP {status}（{code}）', en: 'HTTP {status} ({code})' },
  'staff.aside.unknown': { 'zh-CN': '未知', en: 'Unknown' },
  'staff.aside.why.invalid_application': {
    'zh-CN': '申请内容没有通过服务器的校验',
    en: 'the server found the application incomplete or invalid',
  },
  'staff.aside.why.envelope_unreadable': {
    'zh-CN': '服务器无法解密（加密密钥可能已更换）',
    en: 'the server could not decrypt it (its key may have changed)',
  },
  'staff.aside.why.idempotency_conflict': {
    'zh-CN': '同一申请编号已被另一份内容不同的申请使用',
    en: 'its application id was already used for a different application',
  },
  'staff.aside.why.receipt_code_taken': {
    'zh-CN': '查询码已被另一份申请使用',
    en: 'its receipt code is already used by another application',
  },
  'staff.aside.why.client_id_mismatch': {
    'zh-CN': '申请编号不一致',
    en: 'its application id does not match',
  },
  'staff.aside.actions': { 'zh-CN': '查询码 {code} 的处理', en: 'Actions for receipt code {code}' },
  'staff.aside.retry': { 'zh-CN': '重新发送', en: 'Send again' },
  'staff.aside.retryName': {
    'zh-CN': '重新发送（查询码 {code}）',
    en: 'Send again (receipt code {code})',
  },
  'staff.aside.handled': { 'zh-CN': '已按纸质申请办理', en: 'Handled on paper' },
  'staff.aside.handledName': {
    'zh-CN': '已按纸质申请办理（查询码 {code}）',
    en: 'Handled on paper (receipt code {code})',
  },
  'staff.aside.confirmTitle': {
    'zh-CN': '从本机删除这份申请？',
    en: 'Delete this application from the terminal?',
  },
  'staff.aside.confirmBody': {
    'zh-CN': '请确认查询码 {code} 的申请已按纸质申请办理。删除后本机不再保存这份加密申请，无法恢复。',
    en: 'Confirm that the application with receipt code {code} has been handled on paper. Once deleted, this terminal no longer keeps the encrypted application and it cannot be recovered.',
  },
  'staff.aside.confirm': { 'zh-CN': '确定删除', en: 'Delete' },
  'staff.aside.cancel': { 'zh-CN': '取消', en: 'Cancel' },
  'staff.aside.requeued': {
    'zh-CN': '查询码 {code} 的申请已重新排队发送。',
    en: 'The application with receipt code {code} is queued to be sent again.',
  },
  'staff.aside.discarded': {
    'zh-CN': '查询码 {code} 的申请已从本机删除。',
    en: 'The application with receipt code {code} has been deleted from this terminal.',
  },
  'staff.aside.failed': {
    'zh-CN': '操作没有完成（这份申请的状态可能已经改变），请再看一下列表。',
    en: 'That did not work (the application may have changed meanwhile); please look at the list again.',
  },
  'kb.label': { 'zh-CN': '屏幕键盘', en: 'On-screen keyboard' },
  'kb.candidates': { 'zh-CN': '候选字词', en: 'Candidates' },
  'kb.prevCandidates': { 'zh-CN': '上一页候选', en: 'Previous candidates' },
  'kb.nextCandidates': { 'zh-CN': '下一页候选', en: 'More candidates' },
  'kb.composing': { 'zh-CN': '正在输入的拼音', en: 'Pinyin being typed' },
  'kb.space': { 'zh-CN': '空格', en: 'Space' },
  'kb.backspace': { 'zh-CN': '删除', en: 'Delete' },
  'kb.hide': { 'zh-CN': '收起键盘', en: 'Hide keyboard' },
  'kb.done': { 'zh-CN': '完成', en: 'Done' },
  'kb.toPinyin': { 'zh-CN': '拼音', en: 'Pinyin' },
  'kb.toLetters': { 'zh-CN': '英文', en: 'ABC' },
  'kb.toDigits': { 'zh-CN': '数字', en: '123' },
  'kb.toEmail': { 'zh-CN': '邮箱', en: 'E-mail' },
  'kb.toSymbols': { 'zh-CN': '（数字和符号）', en: ' (digits and symbols)' },
  'kb.symbolsKey': { 'zh-CN': '123 符', en: '123 #' },
  'kb.handwriting': { 'zh-CN': '手写', en: 'Handwriting' },
  'kb.padArea': {
    'zh-CN': '手写区：用手指在框内写一个字，候选字在上方',
    en: 'Writing area: write one character with your finger; candidates appear above',
  },
  'kb.rewrite': { 'zh-CN': '重写', en: 'Clear' },
  'kb.padFailed': {
    'zh-CN': '手写识别未能加载，请改用拼音输入。',
    en: 'Handwriting could not load; please type pinyin.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringId = keyof typeof STRINGS;

let current: Lang = 'zh-CN';

export function setLang(lang: Lang): void {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function getLang(): Lang {
  return current;
}

/** Looks up an interface string and fills `{name}` placeholders. */
export function t(id: StringId, vars?: Record<string, string | number>): string {
  const text: string = STRINGS[id][current];
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

/** For tests: every id with both languages. */
export const ALL_STRINGS: Readonly<Record<StringId, Record<Lang, string>>> = STRINGS;
