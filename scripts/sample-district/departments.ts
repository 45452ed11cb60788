// Departments of the fictional 某某区 (written to content/departments.csv). Every 公开主体 in the catalogue and every
// guide's department must resolve to a name or 简称 here. Addresses and phone numbers are fictional.

export interface Department {
  id: string;
  name: string;
  aliases: string[];
  address: string;
  hours: string;
  phone: string;
  window: string;
}

const HOURS = '周一至周五 上午8:30—12:00，下午14:30—17:30（法定节假日除外）';
const HALL_HOURS = '周一至周五 上午8:30—12:00，下午14:30—17:30；周六上午9:00—12:00延时服务（法定节假日除外）';
const HALL = '某某区人民大道188号区行政服务中心';
const GOV = '某某区政和路1号区行政中心';

export const departments: Department[] = [
  { id: 'zhengfu', name: '某某区人民政府', aliases: ['区人民政府', '区政府'], address: `${GOV}1号楼`, hours: HOURS, phone: '0591-88610001', window: '' },
  { id: 'zhengfuban', name: '区人民政府办公室', aliases: ['区政府办', '区政府办公室', '区政务公开办'], address: `${GOV}1号楼3层`, hours: HOURS, phone: '0591-88610002', window: '政务公开专区（区行政服务中心一楼大厅东侧）' },
  { id: 'xingzheng', name: '区行政服务中心', aliases: ['区政务服务中心', '行政服务中心', '区行政服务中心管委会'], address: HALL, hours: HALL_HOURS, phone: '0591-88610100', window: '一楼综合咨询台' },
  { id: 'fagai', name: '区发展和改革局', aliases: ['区发改局', '发改局'], address: `${GOV}2号楼4层`, hours: HOURS, phone: '0591-88610210', window: '区行政服务中心三楼投资项目审批窗口（31—33号）' },
  { id: 'caizheng', name: '区财政局', aliases: ['财政局'], address: '某某区府前路36号', hours: HOURS, phone: '0591-88610320', window: '区行政服务中心三楼财政窗口（36号）' },
  { id: 'jiaoyi', name: '区公共资源交易中心', aliases: ['公共资源交易中心', '区交易中心'], address: `${HALL}四楼`, hours: HALL_HOURS, phone: '0591-88610330', window: '四楼交易服务台' },
  { id: 'yingji', name: '区应急管理局', aliases: ['区应急局', '应急局'], address: '某某区建设路88号', hours: HOURS, phone: '0591-88610410', window: '区行政服务中心三楼应急管理窗口（38号）' },
  { id: 'shuiwu', name: '国家税务总局某某市某某区税务局', aliases: ['区税务局', '税务局', '某某区税务局'], address: '某某区财富大道66号区税务局办税服务厅', hours: HOURS, phone: '0591-88610520', window: '办税服务厅1—20号窗口' },
  { id: 'ziran', name: '区自然资源和规划局', aliases: ['区自然资源局', '区规划局', '自然资源和规划局'], address: '某某区滨江路19号', hours: HOURS, phone: '0591-88610610', window: '区行政服务中心三楼自然资源和规划窗口（40—42号）' },
  { id: 'zhujian', name: '区住房和城乡建设局', aliases: ['区住建局', '住建局'], address: '某某区建设路100号', hours: HOURS, phone: '0591-88610710', window: '区行政服务中心二楼住房保障窗口（21—23号）' },
  { id: 'zhengshou', name: '区房屋征收事务中心', aliases: ['区征收中心', '房屋征收中心'], address: '某某区建设路100号区住建局5层', hours: HOURS, phone: '0591-88610720', window: '' },
  { id: 'shengtai', name: '某某市某某生态环境局', aliases: ['区生态环境局', '生态环境局'], address: '某某区青年路28号', hours: HOURS, phone: '0591-88610810', window: '区行政服务中心三楼生态环境窗口（43号）' },
  { id: 'wentilv', name: '区文化体育和旅游局', aliases: ['区文体旅局', '区文旅局', '文旅局'], address: '某某区文化路9号', hours: HOURS, phone: '0591-88610910', window: '区行政服务中心三楼文体旅窗口（45号）' },
  { id: 'tushuguan', name: '区图书馆', aliases: ['某某区图书馆', '图书馆'], address: '某某区文化路11号', hours: '周二至周日 9:00—20:30（周一闭馆，法定节假日另行公告）', phone: '0591-88610920', window: '一楼总服务台' },
  { id: 'sifa', name: '区司法局', aliases: ['司法局'], address: '某某区府前路52号', hours: HOURS, phone: '0591-88611010', window: '区公共法律服务中心（区行政服务中心一楼西侧）' },
  { id: 'falvyuanzhu', name: '区法律援助中心', aliases: ['法律援助中心'], address: `${HALL}一楼西侧区公共法律服务中心`, hours: HALL_HOURS, phone: '0591-88611020', window: '法律援助窗口（1号）' },
  { id: 'nongye', name: '区农业农村局', aliases: ['农业农村局', '区乡村振兴局'], address: '某某区农科路6号', hours: HOURS, phone: '0591-88611110', window: '区行政服务中心三楼农业农村窗口（46号）' },
  { id: 'shichang', name: '区市场监督管理局', aliases: ['区市场监管局', '市场监管局'], address: '某某区东环路77号', hours: HOURS, phone: '0591-88611210', window: '区行政服务中心二楼市场准入窗口（1—8号）' },
  { id: 'chengguan', name: '区城市管理局', aliases: ['区城管局', '城管局', '区城市管理综合执法局'], address: '某某区东环路120号', hours: HOURS, phone: '0591-88611310', window: '区行政服务中心三楼城市管理窗口（48号）' },
  { id: 'jiaotong', name: '区交通运输局', aliases: ['区交通局', '交通局'], address: '某某区滨江路33号', hours: HOURS, phone: '0591-88611410', window: '区行政服务中心三楼交通运输窗口（49号）' },
  { id: 'renshe', name: '区人力资源和社会保障局', aliases: ['区人社局', '人社局'], address: '某某区人民大道200号', hours: HOURS, phone: '0591-88611510', window: '区行政服务中心二楼就业创业窗口（9—14号）' },
  { id: 'shebao', name: '区社会保险中心', aliases: ['区社保中心', '社保中心'], address: `${HALL}二楼`, hours: HALL_HOURS, phone: '0591-88611520', window: '二楼社会保险窗口（15—20号）' },
  { id: 'zhongcai', name: '区劳动人事争议仲裁院', aliases: ['劳动仲裁院', '区劳动仲裁院'], address: '某某区人民大道200号区人社局1层', hours: HOURS, phone: '0591-88611530', window: '仲裁立案窗口' },
  { id: 'yibao', name: '区医疗保障局', aliases: ['区医保局', '医保局'], address: '某某区人民大道202号', hours: HOURS, phone: '0591-88611610', window: '区行政服务中心二楼医疗保障窗口（24—27号）' },
  { id: 'minzheng', name: '区民政局', aliases: ['民政局'], address: '某某区府前路18号', hours: HOURS, phone: '0591-88611710', window: '区行政服务中心二楼社会事务窗口（28—30号）' },
  { id: 'canlian', name: '区残疾人联合会', aliases: ['区残联', '残联'], address: '某某区府前路20号', hours: HOURS, phone: '0591-88611720', window: '区行政服务中心二楼社会事务窗口（30号）' },
  { id: 'jiaoyu', name: '区教育局', aliases: ['教育局'], address: '某某区学府路1号', hours: HOURS, phone: '0591-88611810', window: '区行政服务中心三楼教育窗口（50号）' },
  { id: 'xuexiao', name: '各义务教育学校', aliases: ['各中小学', '各学校'], address: '见区教育局网站“义务教育学校名录”', hours: '工作日 上午8:00—11:30，下午14:30—17:00', phone: '0591-88611810', window: '各学校教务处' },
  { id: 'weijian', name: '区卫生健康局', aliases: ['区卫健局', '卫健局'], address: '某某区健康路15号', hours: HOURS, phone: '0591-88611910', window: '区行政服务中心三楼卫生健康窗口（51号）' },
  { id: 'jikong', name: '区疾病预防控制中心', aliases: ['区疾控中心', '疾控中心'], address: '某某区健康路21号', hours: HOURS, phone: '0591-88611920', window: '' },
  { id: 'gongan', name: '某某市公安局某某分局', aliases: ['区公安分局', '公安分局'], address: '某某区平安路1号', hours: HOURS, phone: '0591-88612010', window: '区行政服务中心一楼户政窗口（1—6号）' },
  { id: 'shuili', name: '区水利局', aliases: ['水利局'], address: '某某区滨江路35号', hours: HOURS, phone: '0591-88612110', window: '' },
  { id: 'jiedao', name: '各街道办事处', aliases: ['街道办事处', '街道办', '各街道'], address: '东城街道：某某区东大街12号；西城街道：某某区西门路3号；南湖街道：某某区湖滨路66号；北岭街道：某某区北岭路8号', hours: HOURS, phone: '0591-88612201（东城）、0591-88612202（西城）、0591-88612203（南湖）、0591-88612204（北岭）', window: '各街道便民服务中心社会事务窗口' },
  { id: 'zhen', name: '各镇人民政府', aliases: ['镇人民政府', '各镇', '乡镇人民政府'], address: '青山镇：某某区青山镇青山街1号；白沙镇：某某区白沙镇沙溪路2号；桃源镇：某某区桃源镇桃源路5号', hours: HOURS, phone: '0591-88612301（青山）、0591-88612302（白沙）、0591-88612303（桃源）', window: '各镇便民服务中心综合窗口' },
];
