// The chart library, registered with only the parts the trend chart uses. Loaded on demand (a
// separate chunk) by trend-chart.tsx when a chart comes on screen: no page pays for it up front.
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export const init = echarts.init
